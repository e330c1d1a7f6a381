// What every command gets: the process's streams, environment and working folder (passed in,
// so commands run in-process in tests), the Io the library reads and writes through, and where
// to put the exit code. Commands import this, never main.ts or each other.
import type { Io } from "../io/io.js";

export interface CliStreams {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Default: nodeIo. */
  fs?: Io;
}

export interface CommandContext {
  io: CliStreams;
  /** Commands store their exit code here. */
  setExit(code: number): void;
}

export const BUG_REPORT_HINT = "This is a bug in stackc. Please report it with the command you ran and the manifest (STACKC_DEBUG=1 prints the stack trace).";
