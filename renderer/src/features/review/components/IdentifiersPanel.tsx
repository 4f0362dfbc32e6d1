import type { SharedIdentifier } from '../../../../../shared/domain/marker.ts';
import { formatCount } from '../../../app/format.ts';
import type { Loaded } from '../state/use-loaded.ts';

const KIND_LABELS: Record<string, string> = { phone: 'phone', email: 'email', handle: 'handle', iban: 'IBAN', card: 'card', url: 'URL' };

function IdentifierItem({ identifier, onOpen }: { identifier: SharedIdentifier; onOpen: (messageId: string) => void }) {
  const more = identifier.chats - new Set(identifier.examples.map((example) => example.chatId)).size;
  return (
    <li className="identifier-item" data-testid="identifier-item" data-kind={identifier.kind} data-value={identifier.value}>
      <div className="identifier-head">
        <span className="badge">{KIND_LABELS[identifier.kind] ?? identifier.kind}</span>
        <bdi className="identifier-value mono" title={`Normalised value: ${identifier.value}`}>
          {identifier.value}
        </bdi>
      </div>
      <div className="hint">
        {formatCount(identifier.chats, 'conversation')} · {formatCount(identifier.sources, 'source')} · {formatCount(identifier.messages, 'message')}
      </div>
      <ul className="identifier-examples">
        {identifier.examples.map((example) => (
          <li key={example.messageId}>
            <button type="button" className="link small" title="Open this message in the Messages view" onClick={() => onOpen(example.messageId)}>
              <bdi>{example.chatTitle}</bdi>
            </button>{' '}
            <bdi className="mono muted">{example.raw}</bdi>
          </li>
        ))}
        {more > 0 && <li className="muted">+{formatCount(more, 'more conversation')}</li>}
      </ul>
    </li>
  );
}

/** Contact points that recur across conversations or sources. */
export function IdentifiersPanel({ identifiers, onOpen }: { identifiers: Loaded<SharedIdentifier[]>; onOpen: (messageId: string) => void }) {
  const list = identifiers.value ?? [];
  return (
    <section className="side-section identifiers" data-testid="identifiers-panel" aria-labelledby="identifiers-title">
      <h2 id="identifiers-title">
        Shared identifiers <span className="muted">{list.length > 0 ? list.length : ''}</span>
      </h2>
      <p className="hint">
        Phone numbers, emails, handles, IBANs, cards and URLs seen in more than one conversation or source. One contact number behind many profiles is itself an indicator
        (third-party control).
      </p>
      {identifiers.error !== null && (
        <p className="error" role="alert">
          {identifiers.error}
        </p>
      )}
      {!identifiers.loading && identifiers.error === null && list.length === 0 && <p className="hint">No identifier appears in more than one conversation or source.</p>}
      <ul className="identifier-list">
        {list.map((identifier) => (
          <IdentifierItem key={`${identifier.kind}:${identifier.value}`} identifier={identifier} onOpen={onOpen} />
        ))}
      </ul>
    </section>
  );
}
