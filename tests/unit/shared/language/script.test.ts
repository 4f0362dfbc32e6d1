import { describe, expect, it } from 'vitest';
import { scriptProfile } from '../../../../shared/language/script.ts';

describe('scriptProfile', () => {
  it('counts letters per script and ignores digits, punctuation and emoji', () => {
    const profile = scriptProfile('Привет, Ana! 2500€ 😂');
    expect(profile.counts).toEqual({ Cyrl: 6, Latn: 3 });
    expect(profile.letters).toBe(9);
    expect(profile.dominant).toBe('Cyrl');
  });

  it('knows the scripts it routes', () => {
    const samples: [string, string][] = [
      ['שלום', 'Hebr'], ['Γειά', 'Grek'], ['გამარჯობა', 'Geor'], ['Բարեւ', 'Armn'], ['สวัสดี', 'Thai'],
      ['안녕', 'Hang'], ['ありがとう', 'Kana'], ['你好', 'Hani'], ['مرحبا', 'Arab'], ['नमस्ते', 'Deva'], ['Được', 'Latn'],
    ];
    for (const [text, script] of samples) expect(scriptProfile(text).dominant, text).toBe(script);
  });

  it('counts astral Han characters once each', () => {
    expect(scriptProfile('𠀀𠀁').counts).toEqual({ Hani: 2 });
  });

  it('has no dominant script without letters', () => {
    expect(scriptProfile('12:30 !!! 👍').dominant).toBeUndefined();
  });
});
