import { flattenTelegramText } from './json-text.ts';
import { isJsonObject } from './json-walker.ts';
import type { JsonObject, JsonValue } from './json-walker.ts';

/**
 * A poll's question and answers as text (FORMATS.md §2.1: `poll{question,closed,total_voters,
 * answers[{text,voters,chosen}]}`), or null when the value is no readable poll. Telegram writes a
 * poll message with an empty `text`: without this its words would be in no searchable field.
 */
export function pollText(poll: JsonValue | undefined): string | null {
  if (!isJsonObject(poll)) return null;
  const question = flattenTelegramText(poll['question']);
  const answers = Array.isArray(poll['answers']) ? poll['answers'].filter(isJsonObject) : [];
  if (question === '' && answers.length === 0) return null;
  const heading = `Poll${poll['closed'] === true ? ' (closed)' : ''}: ${question}`;
  return [heading, ...answers.map(answerLine)].join('\n');
}

function answerLine(answer: JsonObject): string {
  const voters = answer['voters'];
  const facts = typeof voters === 'number' ? [`${voters} ${voters === 1 ? 'vote' : 'votes'}`] : [];
  if (answer['chosen'] === true) facts.push('chosen');
  return `• ${flattenTelegramText(answer['text'])}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`;
}
