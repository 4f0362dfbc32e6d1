import type { MessageOrder } from '../../../../../shared/domain/message.ts';
import { formatCount, formatNumber } from '../../../app/format.ts';

/**
 * Said above a conversation whose source lists messages out of time order (a device clock put
 * back, a report's own order): how many, and a choice between the source's order (the default:
 * it is evidence too) and time order.
 */
export function OrderNote({ outOfTimeOrder, messageCount, order, onChange }: { outOfTimeOrder: number; messageCount: number; order: MessageOrder; onChange: (order: MessageOrder) => void }) {
  return (
    <div className="order-note" role="note" data-testid="order-note">
      <span>
        {formatCount(outOfTimeOrder, 'message')} of {formatNumber(messageCount)} {outOfTimeOrder === 1 ? 'has' : 'have'} a time earlier than a message listed before{' '}
        {outOfTimeOrder === 1 ? 'it' : 'them'} in the source.
      </span>
      <span className="order-choice" role="radiogroup" aria-label="Order of the messages">
        <label>
          <input type="radio" name="message-order" data-testid="order-source" checked={order === 'source'} onChange={() => onChange('source')} />
          As in the source
        </label>
        <label title="By UTC time; a message without a time stays after the message listed before it">
          <input type="radio" name="message-order" data-testid="order-time" checked={order === 'time'} onChange={() => onChange('time')} />
          By time
        </label>
      </span>
    </div>
  );
}
