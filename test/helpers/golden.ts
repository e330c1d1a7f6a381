// Golden-file comparison for one emitter: its output for every example stack must equal the
// committed files under out/<stack>/ byte for byte (regenerate with
// `node scripts/golden.mjs <emitter-id>` and review the diff).
import { emitContext } from "../../compiler/emit/context.js";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import * as assert from "uvu/assert";
import type { Emitter, StackModel } from "../../compiler/index.js";
import { repoPath } from "./repo.js";

export function assertGolden(emitter: Emitter, model: StackModel): void {
  const output = emitter.emit(model, emitContext());
  const dir = repoPath("out", model.name);
  for (const file of output.files) {
    const target = path.join(dir, ...file.path.split("/"));
    assert.ok(existsSync(target), `missing golden file out/${model.name}/${file.path} (run node scripts/golden.mjs ${emitter.id})`);
    const expected = readFileSync(target, "utf8");
    if (expected !== file.contents) {
      assert.fixture(file.contents, expected, `out/${model.name}/${file.path} differs from the emitter output`);
    }
  }
  // nothing stale left behind in the emitter's folders
  const produced = new Set(output.files.map((f) => f.path));
  const tops = new Set(output.files.map((f) => f.path.split("/")[0]!).filter((t) => !t.includes(".")));
  for (const top of tops) {
    for (const rel of walk(path.join(dir, top), top)) {
      if (!produced.has(rel) && !(emitter.preserve ?? []).includes(rel)) assert.unreachable(`stale golden file out/${model.name}/${rel}`);
    }
  }
}

function walk(dir: string, rel: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name), `${rel}/${e.name}`) : [`${rel}/${e.name}`],
  );
}
