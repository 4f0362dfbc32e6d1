/** Title of a one-chat export, from the names WhatsApp gives its export files in many locales. */
const EXPORT_NAME_PATTERNS: RegExp[] = [
  /^WhatsApp Chat (?:with|-) (.+)$/iu,
  /^WhatsApp[- ]chat met (.+)$/iu,
  /^WhatsApp[- ]Chat mit (.+)$/iu,
  /^Chat de WhatsApp con (.+)$/iu,
  /^Conversa do WhatsApp com (.+)$/iu,
  /^Chat WhatsApp (?:con|avec|s uživatelem|s) (.+)$/iu,
  /^Чат WhatsApp с (?:контактом )?(.+)$/iu,
];

export function chatTitleFromFileName(fileName: string): string {
  const stem = fileName.replace(/\.(txt|zip)$/iu, '');
  for (const pattern of EXPORT_NAME_PATTERNS) {
    const title = pattern.exec(stem)?.[1];
    if (title !== undefined && title.trim() !== '') return title.trim();
  }
  return stem;
}
