// Writing one new file that must not clobber an existing one unless asked (`stackc init`).
import path from "node:path";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";

/** Writes `contents` to `file`; with overwrite false an existing file is an error with code EEXIST. */
export async function writeNewFile(file: string, contents: string, options: { overwrite?: boolean; io?: Io } = {}): Promise<void> {
  const io = options.io ?? nodeIo;
  await io.mkdir(path.dirname(file));
  await io.writeFile(file, contents, { exclusive: !options.overwrite });
}
