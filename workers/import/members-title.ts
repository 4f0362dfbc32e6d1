/** Members named in a title before the rest are counted: what a conversation list has room for. */
const MEMBERS_NAMED = 5;

/**
 * The title of a conversation the source gives no name, after its members as the phone's app
 * shows one ("Ana, Dan, +40…, … and 145 others"): a group of hundreds would otherwise be titled
 * with every number it holds. The members themselves are kept whole as its participants.
 */
export function membersTitle(members: readonly string[]): string {
  if (members.length <= MEMBERS_NAMED + 1) return members.join(', ');
  const others = members.length - MEMBERS_NAMED;
  return `${members.slice(0, MEMBERS_NAMED).join(', ')} and ${others} others`;
}
