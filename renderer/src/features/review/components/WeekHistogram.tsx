import type { ConversationRisk } from '../../../../../shared/domain/marker.ts';
import { formatCount, formatUtcDayRange } from '../../../app/format.ts';
import { fillWeeks } from '../state/weeks.ts';

const HEIGHT = 20;
/** Few weeks keep a bar's width instead of stretching across the row. */
const MIN_SLOTS = 16;

function weekTitle(start: number, messages: number, markers: number): string {
  const day = new Date(start).toISOString().slice(0, 10);
  if (messages === 0) return `Week of ${day} (UTC): no tagged messages`;
  return `Week of ${day} (UTC): ${formatCount(messages, 'tagged message')}, ${formatCount(markers, 'distinct indicator')}`;
}

/** Tagged messages per week, darker as more distinct indicators co-occur that week. */
export function WeekHistogram({ weeks }: { weeks: ConversationRisk['weeks'] }) {
  const bars = fillWeeks(weeks);
  if (bars.length === 0) return null;
  const peak = Math.max(1, ...bars.map((bar) => bar.messages));
  const first = bars[0];
  const last = bars[bars.length - 1];
  const slots = Math.max(MIN_SLOTS, bars.length);
  const offset = slots - bars.length;
  const range = first === undefined || last === undefined ? '' : formatUtcDayRange(new Date(first.start).toISOString(), new Date(last.start).toISOString());
  return (
    <span className="week-histogram" role="img" aria-label={`Tagged messages per week, ${bars.length} week${bars.length === 1 ? '' : 's'} from ${range}`}>
      <svg viewBox={`0 0 ${slots} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true">
        {bars.map((bar, index) => {
          const height = bar.messages === 0 ? 0.6 : Math.max(2, (bar.messages / peak) * HEIGHT);
          return (
            <rect key={bar.start} className={`week-bar level-${Math.min(3, bar.markers)}`} x={offset + index + 0.1} width={0.8} y={HEIGHT - height} height={height}>
              <title>{weekTitle(bar.start, bar.messages, bar.markers)}</title>
            </rect>
          );
        })}
      </svg>
    </span>
  );
}
