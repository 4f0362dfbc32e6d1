import { migration0010 } from './0010-initial.ts';
import type { Migration } from './migration.ts';

/** Every migration, oldest first. Append only; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [migration0010];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
