/** Exit codes of the CLI contract (../shared/CLI.md). */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
