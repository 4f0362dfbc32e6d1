import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BenchLanguage } from './corpus.ts';
import { MESSAGES, NAMES, seededRandom } from './corpus.ts';

/** A generated screenshot and the text it shows, in reading order. */
export interface BenchImage {
  file: string;
  lang: BenchLanguage;
  theme: 'light' | 'dark';
  kind: 'phone' | 'small' | 'tall';
  truth: string;
}

interface Palette {
  page: string;
  header: [string, string];
  incoming: [string, string];
  outgoing: [string, string];
  time: string;
}

/** WhatsApp- and iMessage-like colours: bubbles on a tinted page, light and dark. */
const PALETTES: Record<'light' | 'dark', Palette[]> = {
  light: [
    { page: '#efeae2', header: ['#008069', '#ffffff'], incoming: ['#ffffff', '#111b21'], outgoing: ['#d9fdd3', '#111b21'], time: '#667781' },
    { page: '#ffffff', header: ['#f6f6f6', '#000000'], incoming: ['#e9e9eb', '#000000'], outgoing: ['#0b84ff', '#ffffff'], time: '#8e8e93' },
  ],
  dark: [
    { page: '#0b141a', header: ['#202c33', '#e9edef'], incoming: ['#202c33', '#e9edef'], outgoing: ['#005c4b', '#e9edef'], time: '#8696a0' },
    { page: '#000000', header: ['#1c1c1e', '#ffffff'], incoming: ['#26252a', '#ffffff'], outgoing: ['#0b84ff', '#ffffff'], time: '#8e8e93' },
  ],
};

const FONTS = ['Noto Sans', 'DejaVu Sans', 'Liberation Sans'];

/** Phone screenshots (390 CSS px at 3x), low-resolution forwards (360 at 1x), scrolling captures. */
const KINDS = {
  phone: { width: 390, scale: 3, messages: 8 },
  small: { width: 360, scale: 1, messages: 6 },
  tall: { width: 390, scale: 2, messages: 36 },
} as const;

const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface RenderPlan {
  langs: BenchLanguage[];
  /** Images per language and kind, alternating light/dark and palettes. */
  perKind: Record<keyof typeof KINDS, number>;
  seed: number;
}

export async function renderChats(folder: string, plan: RenderPlan): Promise<BenchImage[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const images: BenchImage[] = [];
  try {
    for (const lang of plan.langs) {
      const random = seededRandom(plan.seed + lang.charCodeAt(0) * 7919 + lang.charCodeAt(2));
      for (const kind of Object.keys(KINDS) as (keyof typeof KINDS)[]) {
        for (let index = 0; index < plan.perKind[kind]; index++) {
          const theme = index % 2 === 0 ? 'light' : 'dark';
          const palette = PALETTES[theme][Math.floor(index / 2) % 2] as Palette;
          const font = FONTS[Math.floor(random() * FONTS.length)] as string;
          const { html, truth } = chatHtml(lang, KINDS[kind].messages, palette, font, random);
          const context = await browser.newContext({ viewport: { width: KINDS[kind].width, height: 640 }, deviceScaleFactor: KINDS[kind].scale });
          const page = await context.newPage();
          await page.setContent(html);
          const file = join(folder, `${lang}-${kind}-${theme}-${index}.png`);
          writeFileSync(file, await page.screenshot({ fullPage: true }));
          await context.close();
          images.push({ file, lang, theme, kind, truth });
        }
      }
    }
  } finally {
    await browser.close();
  }
  return images;
}

function chatHtml(lang: BenchLanguage, count: number, palette: Palette, font: string, random: () => number): { html: string; truth: string } {
  const names = NAMES[lang];
  const pool = MESSAGES[lang];
  const contact = names[Math.floor(random() * names.length)] as string;
  const truth = [contact];
  const bubbles: string[] = [];
  let minutes = 9 * 60 + Math.floor(random() * 600);
  for (let index = 0; index < count; index++) {
    const text = pool[Math.floor(random() * pool.length)] as string;
    minutes += 1 + Math.floor(random() * 9);
    const time = `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const outgoing = random() < 0.5;
    const [background, colour] = outgoing ? palette.outgoing : palette.incoming;
    const timeColour = outgoing && background === '#0b84ff' ? 'rgba(255,255,255,0.75)' : palette.time;
    bubbles.push(`<div class="msg" style="align-self:${outgoing ? 'flex-end' : 'flex-start'};background:${background};color:${colour}"><div>${escapeHtml(text)}</div><div class="time" style="color:${timeColour}">${time}</div></div>`);
    truth.push(text, time);
  }
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;background:${palette.page};font-family:'${font}',sans-serif}
.header{background:${palette.header[0]};color:${palette.header[1]};padding:14px 16px;font-size:17px;font-weight:600}
.chat{display:flex;flex-direction:column;gap:8px;padding:10px 10px 16px}
.msg{max-width:76%;padding:6px 10px 4px;border-radius:10px;font-size:15px;line-height:1.35}
.time{font-size:11px;text-align:right;margin-top:2px}
</style></head><body><div class="header">${escapeHtml(contact)}</div><div class="chat">${bubbles.join('')}</div></body></html>`;
  return { html, truth: truth.join('\n') };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
