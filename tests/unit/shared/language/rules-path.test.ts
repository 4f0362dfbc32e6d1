import { describe, expect, it } from 'vitest';
import type { LanguageClassifier } from '../../../../shared/language/classifier.ts';
import { detectLanguage } from '../../../../shared/language/detect.ts';

// Speed is measured by `npm run eval:language` (messages per second per core), not here: a
// timed unit test only measures how busy the test machine is.
describe('rules path', () => {
  it('settles script- and letter-decided messages without franc or the classifier', () => {
    const samples = ['שלום מה נשמע', 'Πού είσαι;', 'სად ხარ?', 'สวัสดีครับ', '어디야?', 'どこにいるの', '你在哪里', 'я вже їду, ще їм', 'Ő is jön', 'Được rồi anh'];
    let asked = 0;
    const classifier: LanguageClassifier = {
      description: 'counting stand-in',
      classify: () => {
        asked += 1;
        return { listed: new Map(), unlisted: 0 };
      },
    };
    for (const text of samples) expect(['script', 'letters'], text).toContain(detectLanguage(text, { classifier }).method);
    expect(asked).toBe(0);
  });
});
