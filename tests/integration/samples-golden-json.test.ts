import { describeGoldenFamilies } from './samples-golden-suite.ts';

// Telegram Desktop (JSON and HTML) and Meta "Download your information" (Messenger, Instagram).
describeGoldenFamilies(['telegram-json', 'telegram-html', 'messenger-json', 'instagram-json']);
