import type { OcrBox } from '../../shared/contracts/ocr-worker.ts';
import type { PageTree } from './tiles.ts';

type PageLine = NonNullable<PageTree['blocks']>[number]['paragraphs'][number]['lines'][number];

/** Tesseract's TSV levels: page, block, paragraph, line, word. */
const LEVEL_BLOCK = 2;
const LEVEL_PARAGRAPH = 3;
const LEVEL_LINE = 4;
const LEVEL_WORD = 5;

/**
 * Tesseract's TSV output as a tree of blocks, paragraphs, lines and words. We ask for TSV rather
 * than tesseract.js's `blocks` JSON: it holds all we keep (words, boxes, confidences, grouping)
 * and is cheaper to produce, since the JSON carries every symbol and its alternatives.
 * Columns: level page block paragraph line word left top width height confidence text.
 */
export function parseTsv(tsv: string): PageTree {
  const blocks: NonNullable<PageTree['blocks']> = [];
  let line: PageLine | null = null;
  for (const row of tsv.split('\n')) {
    const columns = row.split('\t');
    if (columns.length < 12) continue;
    const level = Number(columns[0]);
    const [left, top, width, height, confidence] = columns.slice(6, 11).map(Number) as [number, number, number, number, number];
    const bbox: OcrBox = { x0: left, y0: top, x1: left + width, y1: top + height };
    if (level === LEVEL_BLOCK) {
      blocks.push({ paragraphs: [] });
    } else if (level === LEVEL_PARAGRAPH) {
      blocks.at(-1)?.paragraphs.push({ lines: [] });
    } else if (level === LEVEL_LINE) {
      line = { text: '', confidence: 0, bbox, words: [] };
      blocks.at(-1)?.paragraphs.at(-1)?.lines.push(line);
    } else if (level === LEVEL_WORD && line !== null) {
      const text = columns.slice(11).join('\t').trim();
      if (text !== '') line.words.push({ text, confidence, bbox });
    }
  }
  for (const block of blocks) {
    for (const paragraph of block.paragraphs) {
      for (const each of paragraph.lines) {
        each.text = each.words.map((word) => word.text).join(' ');
        each.confidence = each.words.length === 0 ? 0 : each.words.reduce((sum, word) => sum + word.confidence, 0) / each.words.length;
      }
    }
  }
  return { blocks };
}
