import { flattenTelegramText } from './json-text.ts';
import { isJsonObject } from './json-walker.ts';
import type { JsonValue } from './json-walker.ts';

/**
 * A checklist's title and items as text (`todo_list{title,others_can_append,others_can_complete,
 * answers[{text,id}]}`, export_output_json.cpp since Telegram's 2025 checklists), or null when the
 * value is no readable checklist. Like a poll, the message's own `text` is empty: without this
 * the words of the list would be in no searchable field. Which items are done is not in the list
 * (service messages "todo_completions" carry it, by item id), so the ids are kept beside the words.
 */
export function todoListText(list: JsonValue | undefined): string | null {
  if (!isJsonObject(list)) return null;
  const title = flattenTelegramText(list['title']);
  const items = Array.isArray(list['answers']) ? list['answers'].filter(isJsonObject) : [];
  if (title === '' && items.length === 0) return null;
  const lines = items.map((item) => {
    const id = item['id'];
    return `• ${flattenTelegramText(item['text'])}${typeof id === 'number' ? ` (item ${id})` : ''}`;
  });
  return [`Checklist: ${title}`, ...lines].join('\n');
}
