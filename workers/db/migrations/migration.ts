export interface Migration {
  /** Strictly increasing; stored in PRAGMA user_version. Leave gaps (10, 20, ...) for hotfixes. */
  version: number;
  name: string;
  up: string;
  /**
   * The migration rebuilds a table other tables refer to (how SQLite changes a CHECK
   * constraint). As SQLite's own procedure for this prescribes, foreign keys are off while it
   * runs (dropping the old table would otherwise fail or cascade) and checked before it commits.
   */
  rebuildsTables?: true;
}
