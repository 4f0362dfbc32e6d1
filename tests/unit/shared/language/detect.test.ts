import { describe, expect, it } from 'vitest';
import { detectLanguage, detectWithContext } from '../../../../shared/language/detect.ts';

function lang(text: string): string {
  return detectLanguage(text).lang;
}

describe('detectLanguage: scripts', () => {
  it('settles one-language scripts without models', () => {
    const samples: [string, string][] = [
      ['שלום, מה שלומך היום?', 'heb'], ['Πού είσαι τώρα;', 'ell'], ['სად ხარ ახლა?', 'kat'], ['Որտե՞ղ ես հիմա', 'hye'],
      ['คุณอยู่ที่ไหน', 'tha'], ['지금 어디야?', 'kor'], ['今どこにいるの？', 'jpn'], ['你现在在哪里', 'cmn'],
    ];
    for (const [text, expected] of samples) {
      const guess = detectLanguage(text);
      expect(guess.lang, text).toBe(expected);
      expect(guess.method, text).toBe('script');
      expect(guess.confidence, text).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('chooses among Arabic-script languages by letters and trigrams', () => {
    expect(lang('أين جواز السفر الخاص بك؟ يجب أن تدفع المال اليوم')).toBe('arb');
    expect(lang('پاسپورت تو پیش من است و باید پول را امروز بدهی')).toBe('pes');
    expect(lang('تمہارا پاسپورٹ میرے پاس ہے اور تمہیں آج پیسے دینے ہوں گے')).toBe('urd');
  });

  it('answers und, confidence 0, when there are no letters', () => {
    for (const text of ['', '😂😂', '12:30', '!!!']) expect(detectLanguage(text)).toMatchObject({ lang: 'und', confidence: 0 });
  });

  it('answers und for words every language uses', () => {
    expect(lang('ok')).toBe('und');
    expect(lang('lol 😂')).toBe('und');
  });
});

describe('detectLanguage: letters', () => {
  it('reads Cyrillic letters that only some languages write', () => {
    expect(detectLanguage('її')).toMatchObject({ lang: 'ukr', method: 'letters' });
    expect(lang('Дзе ты? Я ўжо тут')).toBe('bel');
    expect(lang('Ђе си, брате? Чекам те ћале')).toBe('srp');
    expect(lang('Сен қайдасың? Мен сені күтіп тұрмын')).toBe('kaz');
    expect(lang('Ќе дојдам утре, ѓубре едно')).toBe('mkd');
    expect(lang('Къде си? Ще те чакам пред гарата')).toBe('bul');
    expect(lang('Ты где? Уже выхожу, жди меня')).toBe('rus');
    expect(lang('Де ти? Вже виходжу, чекай мене')).toBe('ukr');
  });

  it('reads Latin letters that only some languages write', () => {
    expect(lang('Mikor jössz? Hűtőben van a kaja')).toBe('hun');
    expect(lang('Știi că trebuie să plătești chiria')).toBe('ron');
    expect(lang('Gdzie jesteś? Czekam na dworcu już godzinę')).toBe('pol');
    expect(lang('Anh ở đâu? Em đợi ở cổng nhé')).toBe('vie');
    expect(lang('Ku je? Të pres në stacion')).toBe('sqi');
    expect(lang('Ich weiß nicht, wo die Straße ist')).toBe('deu');
  });
});

describe('detectLanguage: chat', () => {
  it('recognises chat without diacritics', () => {
    expect(lang('khong duoc goi ve nha, dua dien thoai day')).toBe('vie');
    expect(lang('unde esti? te astept la gara de o ora')).toBe('ron');
    expect(lang('gdzie jestes? czekam na dworcu')).toBe('pol');
  });

  it('recognises romanised Russian, Bulgarian and Ukrainian', () => {
    expect(detectLanguage('ty gde? ya uzhe zhdu tebya u metro')).toMatchObject({ lang: 'rus', script: 'Latn' });
    expect(lang('kade si? shte te chakam pred garata')).toBe('bul');
    expect(lang('pryvit, de ty? chekayu tebe bilya metro')).toBe('ukr');
  });

  it('returns public ISO 639-3 codes (sqi, not franc\'s als)', () => {
    expect(lang('nuk e di ku eshte, me thuaj kur vjen')).toBe('sqi');
  });
});

describe('detectLanguage: candidates', () => {
  it('narrows to the case languages', () => {
    const text = 'vin maine';
    expect(detectLanguage(text, { caseLanguages: ['ron', 'eng', 'rus'] }).lang).toBe('ron');
  });

  it('keeps the script over a case list that does not fit it', () => {
    expect(detectLanguage('Γεια σου', { caseLanguages: ['ron', 'eng'] }).lang).toBe('ell');
    expect(['rus', 'bul', 'ukr', 'srp', 'mkd', 'bel']).toContain(detectLanguage('Где паспорт?', { caseLanguages: ['ron', 'eng'] }).lang);
  });

  it('accepts aliases in case lists', () => {
    expect(detectLanguage('ku je', { caseLanguages: ['als', 'eng'] }).lang).toBe('sqi');
  });
});

describe('detectWithContext', () => {
  it('lets neighbours decide a message that carries no language', () => {
    const guess = detectWithContext('ok', { context: ['mergem la Bologna maine dimineata', 'ai bilet de autocar, camera e platita'] });
    expect(guess).toMatchObject({ lang: 'ron', method: 'context' });
  });

  it('tips an ambiguous short message toward the conversation language', () => {
    const alone = detectLanguage('ok, vin');
    const helped = detectWithContext('ok, vin', { context: ['sunt la gara, te astept', 'cand ajungi in Bucuresti?'] });
    expect(helped.lang).toBe('ron');
    expect(alone.confidence).toBeLessThan(0.9);
  });

  it('does not let neighbours overturn a clear message', () => {
    const text = 'Where are you? I have been waiting at the station for an hour and nobody answers the phone.';
    const guess = detectWithContext(text, { context: ['unde esti? te astept de o ora', 'de ce nu raspunzi la telefon?'] });
    expect(guess.lang).toBe('eng');
  });

  it('ignores context for a message settled by its script', () => {
    expect(detectWithContext('שלום', { context: ['hello there, how are you?'] }).lang).toBe('heb');
  });
});

describe('confidence', () => {
  it('stays in 0..1 and grows with evidence', () => {
    const short = detectLanguage('vin');
    const long = detectLanguage('Vin mâine dimineață cu autocarul, te rog să mă aștepți la autogară cu actele.');
    for (const guess of [short, long]) {
      expect(guess.confidence).toBeGreaterThanOrEqual(0);
      expect(guess.confidence).toBeLessThanOrEqual(1);
    }
    expect(long.lang).toBe('ron');
    expect(long.confidence).toBeGreaterThan(short.confidence);
    expect(long.confidence).toBeGreaterThanOrEqual(0.9);
  });
});
