import { sourceFacts } from '../../../../../shared/domain/source-facts.ts';

/**
 * Everything an importer kept beyond the common fields (a message's or a chat's `extra`), folded
 * away until asked for: what the source holds is in sight, even where no reader knew its meaning.
 */
export function SourceFacts({ extra, summary = 'Source facts', testId = 'source-facts', title }: { extra: Readonly<Record<string, unknown>> | null; summary?: string; testId?: string; title?: string }) {
  const facts = sourceFacts(extra);
  if (facts.length === 0) return null;
  return (
    <details className="source-facts" data-testid={testId} title={title}>
      <summary>
        {summary} ({facts.length})
      </summary>
      <dl>
        {facts.map((fact) => (
          <div key={fact.key} data-fact={fact.key}>
            <dt>{fact.label}</dt>
            <dd dir="auto">{fact.text}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
