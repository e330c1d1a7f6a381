// `check --dump-policy-input <dir>`: the exact document user policies saw (the catalog saw its
// view of it, policy/catalog/input-view.ts), one file per stack (<dir>/<metadata.name>.json),
// for `opa eval` and `conftest test`. Through the Io.
import path from "node:path";
import type { Io } from "../io/io.js";

/** Creates `dir` (mkdir -p); rejects when it cannot be a folder. */
export async function preparePolicyInputDir(dir: string, io: Io): Promise<void> {
  await io.mkdir(dir);
}

export async function writePolicyInputs(dir: string, inputs: ReadonlyMap<string, unknown>, io: Io): Promise<void> {
  for (const [stack, input] of inputs) await io.writeFile(path.join(dir, `${stack}.json`), `${JSON.stringify(input, null, 2)}\n`);
}
