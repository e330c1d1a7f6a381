// Documented exit codes (README, `stackc --help`). CI scripts branch on them.
export const ExitCode = {
  /** No errors (and no warnings under --fail-on warn). */
  Ok: 0,
  /** Findings: errors, or warnings under --fail-on warn. */
  Findings: 1,
  /** Usage error or unreadable input: bad flags, a path that does not exist, nothing to compile. */
  Usage: 2,
  /** stackc itself failed (a bug): reported with a bug-report hint. */
  Internal: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
