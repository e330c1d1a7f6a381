// `stackc init` as a function: a commented starting manifest that validates as is, written
// through the Io (never over an existing file unless `overwrite`).
import path from "node:path";
import { scaffoldManifest, schemaRefFrom, type ScaffoldOptions } from "../init/scaffold.js";
import { nodeIo } from "../io/node-io.js";
import { displayPath } from "../load/load.js";
import { writeNewFile } from "../write/new-file.js";
import type { RunOptions } from "./options.js";

export interface InitOptions extends RunOptions, Omit<ScaffoldOptions, "file"> {
  /** Replace an existing file (default: an existing file is an error with code EEXIST). */
  overwrite?: boolean;
  /** Render only; write nothing. */
  dryRun?: boolean;
}

export interface InitResult {
  /** The manifest text. */
  text: string;
  /** The file written (relative to cwd), absent with dryRun. */
  written?: string;
}

/** Rejects with the Io's error (err.code "EEXIST" when the file exists and overwrite is off). */
export async function init(file: string, options: InitOptions): Promise<InitResult> {
  const { cwd: cwdOption, io: ioOption, overwrite, dryRun, ...scaffold } = options;
  const cwd = cwdOption ?? process.cwd();
  const io = ioOption ?? nodeIo;
  const target = path.resolve(cwd, file);
  const text = scaffoldManifest({ schemaRef: schemaRefFrom(target, scaffold.kind === "network" ? "networkSchema" : "schema"), ...scaffold, file }, io);
  if (dryRun) return { text };
  await writeNewFile(target, text, { io, ...(overwrite ? { overwrite } : {}) });
  return { text, written: displayPath(cwd, target) };
}
