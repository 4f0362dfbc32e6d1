import { describe, expect, it } from 'vitest';
import type { Classification, LanguageClassifier } from '../../../../shared/language/classifier.ts';
import { detectLanguage } from '../../../../shared/language/detect.ts';

/**
 * A handful of sentences, word pairs and single words per language that the detector must get
 * right on its own (no classifier: what `threadline lang` runs). Written for this test, not
 * taken from fixtures/language.
 */
const SAMPLES: Readonly<Record<string, readonly string[]>> = {
  eng: ['I will send you the money on Friday', 'call me', 'thanks'],
  ron: ['Mâine plecăm la Cluj cu trenul de noapte', 'vin imediat', 'mulțumesc'],
  bul: ['Утре тръгваме за Варна с нощния влак', 'ела тук', 'благодаря'],
  rus: ['Завтра мы едем в Москву ночным поездом', 'позвони мне', 'спасибо'],
  ukr: ['Завтра ми їдемо до Львова нічним потягом', 'дзвони мені', 'дякую'],
  pol: ['Jutro jedziemy do Krakowa nocnym pociągiem', 'zadzwoń jutro', 'dziękuję'],
  deu: ['Morgen fahren wir mit dem Nachtzug nach Berlin', 'ruf an', 'danke'],
  fra: ['Demain on part à Lyon avec le train de nuit', 'appelle-moi', 'merci'],
  spa: ['Mañana vamos a Sevilla en el tren de noche', 'llámame luego', 'gracias'],
  ita: ['Domani andiamo a Napoli con il treno di notte', 'chiamami dopo', 'grazie'],
  nld: ['Morgen gaan we met de nachttrein naar Utrecht', 'bel me', 'bedankt'],
  hun: ['Holnap az éjszakai vonattal megyünk Debrecenbe', 'hívj fel', 'köszönöm'],
  sqi: ['Nesër shkojmë në Durrës me trenin e natës', 'më telefono', 'faleminderit'],
  vie: ['Ngày mai chúng tôi đi Đà Nẵng bằng tàu đêm', 'gọi anh', 'cảm ơn'],
};

describe('detectLanguage per language (no classifier)', () => {
  for (const [lang, texts] of Object.entries(SAMPLES)) {
    it(`${lang}: a sentence, a word pair and a single word`, () => {
      for (const text of texts) expect(detectLanguage(text).lang, text).toBe(lang);
    });
  }

  it('recognises chat typed without diacritics', () => {
    expect(detectLanguage('multumesc frumos').lang).toBe('ron');
    expect(detectLanguage('dziekuje bardzo').lang).toBe('pol');
    expect(detectLanguage('cam on anh').lang).toBe('vie');
    expect(detectLanguage('faleminderit shume').lang).toBe('sqi');
  });
});

describe('case language list', () => {
  it('restricts an ambiguous word to the case languages', () => {
    // "pasaport" is written so in Romanian, Turkish and Albanian chat alike.
    expect(detectLanguage('pasaport', { caseLanguages: ['ron', 'eng'] }).lang).toBe('ron');
    expect(detectLanguage('pasaport', { caseLanguages: ['sqi', 'eng'] }).lang).toBe('sqi');
  });
});

/** A test double standing in for fastText: always sure of one language. */
function classifierSure(lang: string): LanguageClassifier {
  const classification: Classification = { listed: new Map([[lang, 0.99]]), unlisted: 0.0001 };
  return { description: `always ${lang}`, classify: () => classification };
}

describe('classifier evidence', () => {
  it('decides a word the detector cannot', () => {
    expect(detectLanguage('taxi', { classifier: classifierSure('nld') }).lang).toBe('nld');
    expect(detectLanguage('taxi', { classifier: classifierSure('ita') }).lang).toBe('ita');
  });

  it('cannot overturn a long, clear message (its no is floored)', () => {
    const text = 'Mâine dimineață plecăm cu autocarul spre Bologna, te rog să ai actele și banii pregătiți.';
    expect(detectLanguage(text, { classifier: classifierSure('ita') }).lang).toBe('ron');
  });
});
