import { describeGoldenFamilies } from './samples-golden-suite.ts';

// WhatsApp "Export chat" text files and zips (about 20 locales), with the media beside one of them.
describeGoldenFamilies(['whatsapp-txt']);
