import { useId } from 'react';

export interface ImportOptionsState {
  /** The seized device (exhibit) the next files come from; '' for none declared. */
  device: string;
  /** IANA zone of the device clock; '' for the case setting. */
  timeZone: string;
  /** '' lets each file's day/month order be inferred from the whole file. */
  dateOrder: '' | 'dmy' | 'mdy' | 'ymd';
}

/**
 * What the analyst says about the files before importing them. The device decides which
 * conversations may merge (ADR 0014); time zone and date order override what the engine would
 * otherwise assume, and both are recorded on each source.
 */
export function ImportOptionsFields({ value, onChange }: { value: ImportOptionsState; onChange: (next: ImportOptionsState) => void }) {
  const deviceId = useId();
  const zoneId = useId();
  const orderId = useId();
  return (
    <div className="import-options">
      <div className="field">
        <label htmlFor={deviceId}>Device or exhibit</label>
        <input
          id={deviceId}
          data-testid="import-device"
          dir="auto"
          value={value.device}
          maxLength={200}
          placeholder="e.g. Exhibit JS/1 – Samsung A52"
          onChange={(event) => onChange({ ...value, device: event.target.value })}
        />
        <p className="hint">Files of one seized device: their conversations merge (several backups of one phone). Files of different devices never merge.</p>
      </div>
      <details className="import-time">
        <summary>Time zone and date order</summary>
        <div className="field">
          <label htmlFor={zoneId}>Device time zone (IANA)</label>
          <input id={zoneId} data-testid="import-tz" value={value.timeZone} placeholder="the case setting, e.g. Europe/Bucharest" onChange={(event) => onChange({ ...value, timeZone: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={orderId}>Day and month order</label>
          <select id={orderId} data-testid="import-date-order" value={value.dateOrder} onChange={(event) => onChange({ ...value, dateOrder: event.target.value as ImportOptionsState['dateOrder'] })}>
            <option value="">Inferred from each whole file</option>
            <option value="dmy">Day first (31/12/2024)</option>
            <option value="mdy">Month first (12/31/2024)</option>
            <option value="ymd">Year first (2024/12/31)</option>
          </select>
        </div>
      </details>
    </div>
  );
}
