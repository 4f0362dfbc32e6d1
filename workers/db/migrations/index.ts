import { migration0010 } from './0010-initial.ts';
import { migration0020 } from './0020-markers-and-reviews.ts';
import { migration0030 } from './0030-ocr.ts';
import { migration0040 } from './0040-cancelled-sources.ts';
import { migration0050 } from './0050-chat-participants.ts';
import { migration0060 } from './0060-messages-without-source-index.ts';
import { migration0070 } from './0070-source-first-rowid.ts';
import { migration0080 } from './0080-source-device.ts';
import { migration0090 } from './0090-chat-order.ts';
import { migration0100 } from './0100-messages-checked-per-batch.ts';
import { migration0110 } from './0110-ocr-searchable-text.ts';
import { migration0120 } from './0120-identifier-origin.ts';
import { migration0170 } from './0170-chat-source-facts.ts';
import { migration0180 } from './0180-chat-time-order.ts';
import { migration0190 } from './0190-chat-unparsed-count.ts';
import { migration0200 } from './0200-tags-by-chat-marker-score.ts';
import type { Migration } from './migration.ts';

/** Every migration, oldest first. Append only; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060, migration0070, migration0080, migration0090, migration0100, migration0110, migration0120, migration0170, migration0180, migration0190, migration0200];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
