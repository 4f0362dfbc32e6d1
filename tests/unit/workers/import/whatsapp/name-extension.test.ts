import { describe, expect, it } from 'vitest';

import { expectedLocator, parseLines } from '../../../../support/whatsapp-lines.ts';

/**
 * Regression: rule 2 of authors.ts made `Name: X` one contact's name whenever all 5+ lines of
 * Name started with the same `X: `, so a poster who opens every message with a label became a
 * different author ("Ana: Job"). The rest of the file now says whether the label is text.
 */
const POSTS = 5;

function posts(name: string, label: string, minute = 0): string[] {
  return Array.from({ length: POSTS }, (_, index) => `18/03/2022, 14:${minute + index} - ${name}: ${label}: offer ${index}`);
}

describe('a label that starts every message is not part of the name (regression)', () => {
  it('when another participant starts messages with the same label', () => {
    const lines = [...posts('Ana', 'Job', 10), '18/03/2022, 14:20 - Bob: Job: kitchen, pay: 400'];
    const result = parseLines(lines);
    expect(result.records.slice(0, POSTS).map((record) => [record.sender, record.text])).toEqual(
      Array.from({ length: POSTS }, (_, index) => ['Ana', `Job: offer ${index}`]),
    );
    expect(result.records[POSTS]).toMatchObject({ sender: 'Bob', text: 'Job: kitchen, pay: 400' });
    expect(result.records[0]?.locator).toEqual(expectedLocator(lines, 1));
  });

  it.each(['Ann added Ana', 'Ana joined using this group’s invite link', 'Ana left'])('when the name stands alone in a system line: %s', (system) => {
    const lines = [`18/03/2022, 14:00 - ${system}`, ...posts('Ana', 'Adresa', 10)];
    const result = parseLines(lines);
    expect(result.records[0]).toMatchObject({ kind: 'system', sender: null });
    expect(result.records.slice(1).map((record) => [record.sender, record.text])).toEqual(
      Array.from({ length: POSTS }, (_, index) => ['Ana', `Adresa: offer ${index}`]),
    );
  });
});

describe('a contact whose name holds ": " keeps it', () => {
  it('in a group where others write and system lines name other people', () => {
    const lines = ['18/03/2022, 14:00 - Ann added Bob', ...posts('Dr', 'Who', 10), '18/03/2022, 14:20 - Bob: Re: the offer, yes', '18/03/2022, 14:21 - Ann: who else?'];
    const result = parseLines(lines);
    expect(result.records.slice(1, 1 + POSTS).map((record) => [record.sender, record.text])).toEqual(
      Array.from({ length: POSTS }, (_, index) => ['Dr: Who', `offer ${index}`]),
    );
  });

  it('when a system line names someone whose name merely starts the same way', () => {
    const lines = ['18/03/2022, 14:00 - Drew left', '18/03/2022, 14:01 - Ann added Drina', ...posts('Dr', 'Who', 10)];
    const result = parseLines(lines);
    expect(result.records.slice(2).map((record) => [record.sender, record.text])).toEqual(
      Array.from({ length: POSTS }, (_, index) => ['Dr: Who', `offer ${index}`]),
    );
  });
});
