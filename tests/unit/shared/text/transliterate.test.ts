import { describe, expect, it } from 'vitest';
import { chatSpellings, cyrillicToLatin, hasCyrillic, isCyrillicLanguage } from '../../../../shared/text/transliterate.ts';

describe('cyrillicToLatin', () => {
  it('romanises each language by its own conventions', () => {
    expect(cyrillicToLatin('Дължиш ми за квартирата', 'bul')).toBe('Dalzhish mi za kvartirata');
    expect(cyrillicToLatin('щастие', 'bul')).toBe('shtastie');
    expect(cyrillicToLatin('Паспорт у меня, ещё', 'rus')).toBe('Pasport u menya, eshchyo');
    expect(cyrillicToLatin('Гроші, їжа, борг', 'ukr')).toBe('Hroshi, yizha, borh');
    expect(cyrillicToLatin('Џеп, љубав, ћерка', 'srp')).toBe('Džep, ljubav, ćerka');
  });

  it('leaves Latin letters, digits, punctuation and emoji as they are', () => {
    expect(cyrillicToLatin('ok 100€ 😅 ты где?', 'rus')).toBe('ok 100€ 😅 ty gde?');
  });
});

describe('chatSpellings', () => {
  it('lists the standard spelling first, folded', () => {
    expect(chatSpellings('Дължиш', 'bul')[0]).toBe('dalzhish');
  });

  it('covers the spellings people type in chats', () => {
    expect(chatSpellings('дължиш', 'bul')).toEqual(expect.arrayContaining(['dalzhish', 'dylzhish', 'dulzhish', 'daljish']));
    expect(chatSpellings('локацията', 'bul')).toContain('lokaciqta');
    expect(chatSpellings('меня', 'rus')).toEqual(expect.arrayContaining(['menya', 'menia', 'menja']));
    expect(chatSpellings('ещё', 'rus')).toEqual(expect.arrayContaining(['eshche', 'esche', 'yeshchyo']));
    expect(chatSpellings('гроші', 'ukr')).toEqual(expect.arrayContaining(['hroshi', 'groshi']));
    expect(chatSpellings('жена', 'srp')).toEqual(expect.arrayContaining(['zena', 'zhena']));
  });

  it('stays within the limit for long words', () => {
    const spellings = chatSpellings('расшифровывающийся', 'rus', 32);
    expect(spellings.length).toBeLessThanOrEqual(32);
    expect(spellings[0]).toBe('rasshifrovyvayushchiysya');
  });

  it('is deterministic', () => {
    expect(chatSpellings('щеше', 'bul')).toEqual(chatSpellings('щеше', 'bul'));
  });
});

describe('helpers', () => {
  it('recognise Cyrillic text and languages', () => {
    expect(hasCyrillic('pasport у меня')).toBe(true);
    expect(hasCyrillic('pasport u menya')).toBe(false);
    expect(isCyrillicLanguage('ukr')).toBe(true);
    expect(isCyrillicLanguage('pol')).toBe(false);
  });
});
