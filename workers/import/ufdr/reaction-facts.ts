/**
 * Reactions on a message. Physical Analyzer has a `Reaction` model (IPED's UfedXmlReader merges
 * one into the message that holds it; the case database beside a UFDR has tables Reactions and
 * Reactions_Actor), but no public report shows its fields. So each Reaction model written in the
 * message's own fields, or in its MessageExtraData, is kept with its plain fields as written, its
 * Actor (or From) party and its times; the emoji is named only when a field says so by name, and
 * which field it came from is kept beside it.
 */

import type { StampReader } from './date-order.ts';
import { sideTimesOf } from './model-facts.ts';
import { fieldModels, fieldText, partyOf } from './model-tree.ts';
import type { XmlNode } from './model-tree.ts';

/** Field names that hold the reaction itself, in the order they are tried. */
const EMOJI_FIELDS = ['Emoji', 'Reaction', 'ReactionType', 'Value', 'Body'];

/** Field names of the party who reacted. */
const ACTOR_FIELDS = ['Actor', 'From', 'Author', 'Participant'];

const MODEL_FIELDS = new Set(['modelField', 'multiModelField']);

export function reactionFactsOf(message: XmlNode, notes: string[], stamps: StampReader): Record<string, unknown>[] {
  return reactionModels(message).map((reaction) => {
    const facts: Record<string, unknown> = { modelId: reaction.attrs['id'] ?? null };
    const emojiField = EMOJI_FIELDS.find((name) => fieldText(reaction, name) !== null);
    if (emojiField !== undefined) Object.assign(facts, { emoji: fieldText(reaction, emojiField), emojiField });
    const actorField = ACTOR_FIELDS.find((name) => fieldModels(reaction, name).length > 0);
    const actor = actorField === undefined ? undefined : fieldModels(reaction, actorField).map(partyOf)[0];
    if (actor !== undefined) facts['actor'] = { id: actor.id, name: actor.name, ...(actor.owner === null ? {} : { owner: actor.owner }) };
    const times = sideTimesOf(reaction, notes, stamps, []);
    if (times !== null) facts['times'] = times;
    const fields = plainFields(reaction);
    if (Object.keys(fields).length > 0) facts['fields'] = fields;
    if (reaction.attrs['deleted_state'] !== undefined) facts['deletedState'] = reaction.attrs['deleted_state'];
    return facts;
  });
}

/** Reaction models in the message's own model fields and in its MessageExtraData, each once. */
function reactionModels(message: XmlNode): XmlNode[] {
  const holders = [message, ...fieldModels(message, 'MessageExtraData')];
  const found = holders.flatMap((holder) => [
    ...(holder === message ? [] : [holder]),
    ...holder.children.filter((child) => MODEL_FIELDS.has(child.name)).flatMap((field) => field.children.filter((child) => child.name === 'model')),
  ]);
  const seen = new Set<XmlNode>();
  return found.filter((model) => {
    if (model.attrs['type'] !== 'Reaction' || seen.has(model)) return false;
    seen.add(model);
    return true;
  });
}

/** The reaction's plain (non-time) fields as written, the first of each name. */
function plainFields(model: XmlNode): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const child of model.children) {
    const name = child.attrs['name'];
    if (child.name !== 'field' || name === undefined || name in fields || child.attrs['type'] === 'TimeStamp') continue;
    const text = fieldText(model, name);
    if (text !== null) fields[name] = text;
  }
  return fields;
}
