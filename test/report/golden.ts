// Golden files for the reporters: compared byte for byte; `UPDATE_GOLDEN=1` rewrites them
// (review the diff before committing).
import { readFileSync, writeFileSync } from "node:fs";
import * as assert from "uvu/assert";
import { repoPath } from "../helpers/repo.js";

export function assertGolden(name: string, actual: string): void {
  const file = repoPath("test", "report", "golden", name);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, actual);
  assert.fixture(actual, readFileSync(file, "utf8"), `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`);
}
