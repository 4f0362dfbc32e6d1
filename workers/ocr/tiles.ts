import type { OcrBox, OcrLine, OcrWord } from '../../shared/contracts/ocr-worker.ts';
import { isSearchableOcrWord } from '../../shared/domain/ocr-searchable.ts';

/**
 * A horizontal band of a tall image recognised on its own. Bands overlap; each owns the part
 * between the middles of its overlaps, and a line of text is kept only from the band that owns
 * its vertical centre. With overlaps of at least twice the line height every line lies whole in
 * its owner, and a line cut at a band's edge has its centre outside that band's share.
 */
export interface Tile {
  top: number;
  bottom: number;
  ownTop: number;
  ownBottom: number;
}

export function planTiles(height: number, tileHeight: number, overlap: number): Tile[] {
  if (height <= tileHeight) return [{ top: 0, bottom: height, ownTop: 0, ownBottom: height }];
  const tiles: Tile[] = [];
  let top = 0;
  for (;;) {
    const bottom = Math.min(height, top + tileHeight);
    tiles.push({ top, bottom, ownTop: top === 0 ? 0 : top + overlap / 2, ownBottom: bottom === height ? height : bottom - overlap / 2 });
    if (bottom === height) return tiles;
    top = bottom - overlap;
  }
}

/** A recognised page as blocks, paragraphs, lines and words (see tsv.ts). */
export interface PageTree {
  blocks: { paragraphs: { lines: { text: string; confidence: number; bbox: OcrBox; words: { text: string; confidence: number; bbox: OcrBox }[] }[] }[] }[] | null;
}

export interface MergedText {
  text: string;
  /** The words of `text` that are searched and tagged (isSearchableOcrWord), in the same lines and paragraphs. */
  searchableText: string;
  confidence: number;
  words: OcrWord[];
  lines: OcrLine[];
}

/**
 * Joins the pages recognised per tile into one result in original-image coordinates: shifts each
 * box by its tile's top, divides by the scale the image was resized by, and drops the lines a
 * tile does not own. Paragraphs are separated by a blank line, lines by a newline.
 */
export function mergeTiles(pages: readonly PageTree[], tiles: readonly Tile[], scale: number, width: number, height: number): MergedText {
  const words: OcrWord[] = [];
  const lines: OcrLine[] = [];
  const paragraphs: string[] = [];
  const searchableParagraphs: string[] = [];
  const toOriginal = (box: OcrBox, top: number): OcrBox => ({
    x0: clamp(Math.floor(box.x0 / scale), width),
    y0: clamp(Math.floor((box.y0 + top) / scale), height),
    x1: clamp(Math.ceil(box.x1 / scale), width),
    y1: clamp(Math.ceil((box.y1 + top) / scale), height),
  });
  pages.forEach((page, index) => {
    const tile = tiles[index];
    if (tile === undefined) return;
    for (const block of page.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        const kept: string[] = [];
        const searchable: string[] = [];
        for (const line of paragraph.lines) {
          const centre = tile.top + (line.bbox.y0 + line.bbox.y1) / 2;
          if (centre < tile.ownTop || centre >= tile.ownBottom) continue;
          const text = line.text.trim();
          if (text === '') continue;
          kept.push(text);
          lines.push({ text, confidence: round(line.confidence), bbox: toOriginal(line.bbox, tile.top) });
          const searchableWords: string[] = [];
          for (const word of line.words) {
            const wordText = word.text.trim();
            if (wordText === '') continue;
            const stored = { text: wordText, confidence: round(word.confidence), bbox: toOriginal(word.bbox, tile.top) };
            words.push(stored);
            if (isSearchableOcrWord(stored)) searchableWords.push(wordText);
          }
          if (searchableWords.length > 0) searchable.push(searchableWords.join(' '));
        }
        if (kept.length > 0) paragraphs.push(kept.join('\n'));
        if (searchable.length > 0) searchableParagraphs.push(searchable.join('\n'));
      }
    }
  });
  const confidence = words.length === 0 ? 0 : round(words.reduce((sum, word) => sum + word.confidence, 0) / words.length);
  return { text: paragraphs.join('\n\n'), searchableText: searchableParagraphs.join('\n\n'), confidence, words, lines };
}

function clamp(value: number, limit: number): number {
  return Math.max(0, Math.min(limit, value));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
