/** Names and one-line meanings of the indicator ids (see the taxonomy); unknown ids show as they are. */
const INDICATORS: Record<string, { label: string; hint: string }> = {
  'debt-bondage': { label: 'Debt bondage', hint: 'A debt imposed on the person that must be worked off; travel, housing or "fines" added.' },
  'document-control': { label: 'Document control', hint: 'Identity, travel or work documents taken, kept or withheld; forged documents supplied.' },
  'threat-violence': { label: 'Threat / violence', hint: 'Threats of harm to the person or family, actual violence, threats of police or deportation.' },
  'intimate-image-blackmail': { label: 'Intimate image blackmail', hint: 'Threats to publish or send intimate images or videos; coercive requests for them.' },
  'movement-control': { label: 'Movement control', hint: 'Live location demands, tracking apps, bans on leaving, curfews, escorted movement.' },
  'reporting-monitoring': { label: 'Reporting / monitoring', hint: 'Forced check-ins: report every client or shift, photo proof, report on others.' },
  'earnings-control': { label: 'Earnings control', hint: 'Earnings handed over, quotas, wages withheld or paid into another person’s account.' },
  isolation: { label: 'Isolation', hint: 'Bans on contacting family, friends, police or NGOs; phone taken; “nobody will help you”.' },
  'deceptive-recruitment': { label: 'Deceptive recruitment', hint: 'Job offer red flags: unrealistic pay, vague job, free travel and housing, messenger-only contact.' },
  'third-party-control': { label: 'Third-party control', hint: 'Advert or profile managed by someone else: third-person language, one number for many profiles.' },
  'grooming-romance': { label: 'Grooming / romance', hint: 'Romance-based manipulation toward exploitation: rapid intimacy, promises, then “help us”.' },
  'exploitation-logistics': { label: 'Exploitation logistics', hint: 'Organising the exploitation: scheduling clients, prices, rotating rooms or cities, tickets.' },
};

export function indicatorLabel(marker: string): string {
  return INDICATORS[marker]?.label ?? marker.replace(/-/g, ' ');
}

export function indicatorHint(marker: string): string {
  const known = INDICATORS[marker];
  return known === undefined ? `Indicator ${marker}` : `${known.label} (${marker}): ${known.hint} An indicator for the analyst to assess, not a finding.`;
}

export function formatScore(score: number): string {
  return score.toFixed(2);
}

export const SCORE_EXPLANATION =
  'Indicator score, 0 to 1. It combines the strongest hit of each DISTINCT indicator (1 − Π(1 − best score)): ' +
  'repeating one indicator adds little, several different indicators co-occurring push it towards 1. ' +
  'Dismissed indicators no longer count. It orders the review queue; it is not a finding.';

/**
 * The ranges of the message text the indicators point at. An indicator read from the message's
 * images (origin 'ocr') has its ranges in their OCR text, not in the message text.
 */
export function messageTextRanges(tags: readonly { spans: [number, number][]; origin: 'text' | 'ocr' }[]): [number, number][] {
  return tags.flatMap((tag) => (tag.origin === 'text' ? tag.spans : []));
}

/** The ranges the indicators read from the message's images point at, in the text of all its images (imageTextRanges splits it per image). */
export function imagesTextRanges(tags: readonly { spans: [number, number][]; origin: 'text' | 'ocr' }[]): [number, number][] {
  return tags.flatMap((tag) => (tag.origin === 'ocr' ? tag.spans : []));
}
