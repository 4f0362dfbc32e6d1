import { describe, expect, it } from 'vitest';
import { deviceIdentity, MAX_DEVICE_LABEL_LENGTH, normaliseDeviceLabel } from '../../../../shared/domain/device.ts';

describe('device labels', () => {
  it('keeps the label as typed, trimmed, with runs of spaces as one', () => {
    expect(normaliseDeviceLabel('  Exhibit   JS/1 –\tSamsung ')).toBe('Exhibit JS/1 – Samsung');
  });

  it('treats empty and missing as not declared', () => {
    expect(normaliseDeviceLabel(undefined)).toBeNull();
    expect(normaliseDeviceLabel(null)).toBeNull();
    expect(normaliseDeviceLabel('   ')).toBeNull();
  });

  it('refuses control characters and overlong names', () => {
    expect(() => normaliseDeviceLabel('Phone\u0000 1')).toThrow(/control/);
    expect(() => normaliseDeviceLabel('x'.repeat(MAX_DEVICE_LABEL_LENGTH + 1))).toThrow(/at most/);
  });

  it('compares by what a person means: case, spacing and Unicode composition', () => {
    expect(deviceIdentity('Telefonul lui Ștefan')).toBe(deviceIdentity('telefonul  lui S\u0326tefan'));
    expect(deviceIdentity('Phone 1')).not.toBe(deviceIdentity('Phone 2'));
  });
});
