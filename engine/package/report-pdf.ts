import PDFDocument from 'pdfkit';
import type { FontFiles } from './fonts.ts';
import type { TextStyle } from './pdf-text.ts';
import { PdfText } from './pdf-text.ts';
import type { ReportBlock, ReportMessage, ReportModel } from './report-model.ts';

/**
 * report.pdf, drawn without a browser. Deterministic: the creation and modification dates are
 * the bagging date and pdfkit derives the document ID from the info dictionary, so the same
 * input gives the same bytes.
 */
const PAGE_MARGIN = 50;
const FACT_LABEL_WIDTH = 150;
const GAP = 4;
const BODY: TextStyle = { size: 9.5 };
const SMALL: TextStyle = { size: 8, color: '#444444' };
const HEADINGS: Record<1 | 2 | 3, TextStyle> = { 1: { size: 17, bold: true }, 2: { size: 13.5, bold: true, color: '#1a2f5a' }, 3: { size: 11, bold: true } };
const SELECTED_BAR = '#1a4fa0';
const CONTEXT_BAR = '#bbbbbb';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  creator: string;
  /** ISO instant used for CreationDate and ModDate. */
  date: string;
}

export async function reportPdf(model: ReportModel, fonts: FontFiles, metadata: PdfMetadata): Promise<Buffer> {
  const date = new Date(metadata.date);
  const doc = new PDFDocument({
    size: 'A4', margin: PAGE_MARGIN, bufferPages: true, lang: 'en', displayTitle: true,
    info: { Title: metadata.title, Author: metadata.author, Subject: metadata.subject, Creator: metadata.creator, Producer: 'PDFKit', CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const renderer = new PdfRenderer(doc, new PdfText(doc, fonts));
  for (const block of model.blocks) renderer.block(block);
  renderer.footers(metadata.title);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

class PdfRenderer {
  private y = PAGE_MARGIN;
  private readonly left = PAGE_MARGIN;
  private readonly width: number;
  private readonly bottom: number;

  constructor(private readonly doc: PDFKit.PDFDocument, private readonly text: PdfText) {
    this.width = doc.page.width - 2 * PAGE_MARGIN;
    this.bottom = doc.page.height - PAGE_MARGIN;
  }

  block(block: ReportBlock): void {
    switch (block.kind) {
      case 'heading': {
        const style = HEADINGS[block.level];
        this.y += block.level === 1 ? 0 : style.size * 0.8;
        // Keep a heading with at least three lines of what follows it.
        this.ensure(this.text.lineHeight(style) + 3 * this.text.lineHeight(BODY));
        this.paragraph(block.text, style);
        this.y += GAP;
        return;
      }
      case 'paragraph':
        this.paragraph(block.text, { ...BODY, ...(block.tone === 'muted' ? { color: '#555555' } : block.tone === 'warning' ? { color: '#8a0000', bold: true } : {}) });
        this.y += GAP;
        return;
      case 'facts':
        for (const [label, value] of block.rows) this.fact(label, value);
        this.y += GAP;
        return;
      case 'list':
        for (const item of block.items) this.paragraph(item, BODY, 12, '•');
        this.y += GAP;
        return;
      case 'code':
        for (const line of block.lines) this.paragraph(line, { size: 8.5, color: '#222222', mono: true }, 8);
        this.y += GAP;
        return;
      case 'message':
        this.message(block.message);
        return;
    }
  }

  footers(title: string): void {
    const range = this.doc.bufferedPageRange();
    for (let page = range.start; page < range.start + range.count; page++) {
      this.doc.switchToPage(page);
      const footer = this.text.layout(`${title} — page ${page + 1} of ${range.count}`, SMALL, this.width);
      const first = footer[0];
      if (first !== undefined) this.text.drawLine(first, this.left, this.doc.page.height - PAGE_MARGIN + 12, this.width, SMALL);
    }
  }

  private ensure(height: number): void {
    if (this.y + height <= this.bottom) return;
    this.doc.addPage();
    this.y = PAGE_MARGIN;
  }

  /** Lines of text, each moved to a new page when it would cross the bottom margin. */
  private paragraph(text: string, style: TextStyle, indent = 0, bullet?: string, bar?: string): void {
    const width = this.width - indent;
    const lineHeight = this.text.lineHeight(style);
    for (const [index, paragraph] of text.split(/\r\n|\r|\n/).entries()) {
      for (const [lineIndex, line] of this.text.layout(paragraph, style, width).entries()) {
        this.ensure(lineHeight);
        if (bar !== undefined) this.doc.rect(this.left, this.y, 3, lineHeight).fill(bar);
        if (bullet !== undefined && index === 0 && lineIndex === 0) this.doc.font(this.text.fontFor('sans', false)).fontSize(style.size).fillColor('#111111').text(bullet, this.left + indent - 9, this.y + style.size * 0.12, { lineBreak: false });
        this.text.drawLine(line, this.left + indent, this.y, width, style);
        this.y += lineHeight;
      }
    }
  }

  private fact(label: string, value: string): void {
    const labelStyle: TextStyle = { size: 8.5, bold: true, color: '#333333' };
    const valueWidth = this.width - FACT_LABEL_WIDTH;
    const labels = this.text.layout(label, labelStyle, FACT_LABEL_WIDTH - 8);
    const values = value.split(/\r\n|\r|\n/).flatMap((part) => this.text.layout(part, BODY, valueWidth));
    const lineHeight = this.text.lineHeight(BODY);
    for (let index = 0; index < Math.max(labels.length, values.length); index++) {
      this.ensure(lineHeight);
      const labelLine = labels[index];
      const valueLine = values[index];
      if (labelLine !== undefined) this.text.drawLine(labelLine, this.left, this.y + 0.5, FACT_LABEL_WIDTH - 8, labelStyle);
      if (valueLine !== undefined) this.text.drawLine(valueLine, this.left + FACT_LABEL_WIDTH, this.y, valueWidth, BODY);
      this.y += lineHeight;
    }
  }

  private message(message: ReportMessage): void {
    const bar = message.selected ? SELECTED_BAR : CONTEXT_BAR;
    const indent = 9;
    this.ensure(3 * this.text.lineHeight(BODY));
    const meta = `${message.sender} · ${message.time} · ${message.selected ? 'selected' : 'context'}${message.flags.map((flag) => ` · ${flag}`).join('')}`;
    this.paragraph(meta, { size: 8.5, bold: true, color: message.selected ? '#1a2f5a' : '#555555' }, indent, undefined, bar);
    this.paragraph(message.text === '' ? '(no text)' : message.text, { ...BODY, ...(message.selected ? {} : { color: '#444444' }) }, indent, undefined, bar);
    for (const attachment of message.attachments) this.paragraph(`Attachment: ${attachment}`, SMALL, indent, undefined, bar);
    for (const indicator of message.indicators) {
      this.paragraph(indicator.title, { size: 8.5, bold: true, color: '#8a4b00' }, indent + 6, undefined, bar);
      this.paragraph(indicator.explanation, { size: 8.5, color: '#5a3200' }, indent + 6, undefined, bar);
    }
    for (const note of message.notes) this.paragraph(`Analyst: ${note}`, { size: 8.5, color: '#2f5a1f' }, indent + 6, undefined, bar);
    this.paragraph(`Source: ${message.place}`, { size: 7.5, color: '#666666' }, indent, undefined, bar);
    this.y += GAP + 2;
  }
}
