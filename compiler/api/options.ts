// Options every library command shares.
import type { Io } from "../io/io.js";

export interface RunOptions {
  /** Folder that relative paths are resolved against and shown relative to (default: process.cwd()). */
  cwd?: string;
  /** Every read, write, process and temporary folder goes through it (default: nodeIo). */
  io?: Io;
  /**
   * Folders outside the workspace (the git repository around cwd, or cwd outside one) that
   * manifests, extends targets and the output folder may be in (`--allow-outside`).
   */
  allowOutside?: readonly string[];
}

export interface PolicyRunOptions extends RunOptions {
  /** The time policies and waivers see (default: the clock, read once). */
  now?: Date;
  /**
   * User policies, as `--policy` takes them: folders of Rego (conftest convention, compiled with
   * opa) or bundle.tar.gz files built with `opa build -t wasm`. Paths relative to cwd.
   */
  policies?: readonly string[];
  /** opa binary for compiling Rego folders (default: $STACKC_OPA, .tools/bin/opa, opa on PATH); null: none. */
  opa?: string | null;
  /** Environment for finding opa (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}
