import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../../shared/language/detect.ts';

/** The requirement is 20k/s per core; the bound here is halved for shared, busy test machines. */
const MIN_RULE_PATH_PER_SECOND = 10_000;

describe('rules path speed', () => {
  it('settles script- and letter-decided messages without franc, fast', () => {
    const samples = ['שלום מה נשמע', 'Πού είσαι;', 'სად ხარ?', 'สวัสดีครับ', '어디야?', 'どこにいるの', '你在哪里', 'я вже їду, ще їм', 'Ő is jön', 'Được rồi anh'];
    for (const text of samples) expect(['script', 'letters']).toContain(detectLanguage(text).method);
    const count = 20_000;
    const start = performance.now();
    for (let index = 0; index < count; index += 1) detectLanguage(samples[index % samples.length] ?? '');
    const perSecond = count / ((performance.now() - start) / 1000);
    expect(perSecond).toBeGreaterThan(MIN_RULE_PATH_PER_SECOND);
  });
});
