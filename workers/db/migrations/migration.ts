export interface Migration {
  /** Strictly increasing; stored in PRAGMA user_version. Leave gaps (10, 20, ...) for hotfixes. */
  version: number;
  name: string;
  up: string;
}
