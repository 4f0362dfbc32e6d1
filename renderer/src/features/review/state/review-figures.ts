import type { ConversationReviewFigures, ConversationRisk } from '../../../../../shared/domain/marker.ts';

/** Highest score first, then by id: the order the engine ranks conversations in (conversationRisks). */
function byRisk(a: ConversationRisk, b: ConversationRisk): number {
  return b.score - a.score || a.chatId.localeCompare(b.chatId);
}

/**
 * The ranking with one conversation's figures refreshed after a decision (markers.reviewFigures):
 * its score, what is left to decide, each indicator's confirmed and dismissed counts, and its place.
 * What a decision cannot change (titles, tag counts, senders, weeks) stays as the ranking gave it,
 * as do the other conversations; ranking them all again took seconds on a big case.
 */
export function withReviewFigures(risks: readonly ConversationRisk[], figures: ConversationReviewFigures | null): ConversationRisk[] {
  const at = figures === null ? -1 : risks.findIndex((risk) => risk.chatId === figures.chatId);
  const before = risks[at];
  if (figures === null || before === undefined) return [...risks];
  const decided = new Map(figures.markers.map((marker) => [marker.marker, marker]));
  const updated: ConversationRisk = {
    ...before,
    score: figures.score,
    unreviewed: figures.unreviewed,
    noLongerFound: figures.noLongerFound,
    markers: before.markers.map((marker) => {
      const now = decided.get(marker.marker);
      return now === undefined ? marker : { ...marker, confirmed: now.confirmed, dismissed: now.dismissed };
    }),
  };
  const others = risks.filter((_, index) => index !== at);
  const place = others.findIndex((risk) => byRisk(updated, risk) < 0);
  return place === -1 ? [...others, updated] : [...others.slice(0, place), updated, ...others.slice(place)];
}
