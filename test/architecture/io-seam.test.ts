// One I/O seam: no module of compiler/ outside io/node-io.ts may import node:fs,
// node:child_process or node:os (nor their bare names or subpaths such as node:fs/promises).
// Everything else reads, writes and spawns through an injected Io.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compilerImports, type ModuleImports } from "../helpers/import-graph.js";

const SEAM = new Set(["compiler/io/node-io.ts"]);
const FORBIDDEN = /^(node:)?(fs|child_process|os)(\/.*)?$/;

function violations(modules: readonly ModuleImports[]): string[] {
  return modules.flatMap((m) => (SEAM.has(m.file) ? [] : m.specifiers.filter((s) => FORBIDDEN.test(s)).map((s) => `${m.file} imports ${s}`)));
}

test("only io/node-io.ts imports node:fs, node:child_process or node:os", () => {
  const modules = compilerImports();
  assert.ok(modules.length > 150, `the TypeScript API listed ${modules.length} compiler modules`);
  assert.equal(violations(modules), []);
});

test("the seam module is where the file system is reached (the check sees real imports)", () => {
  const seam = compilerImports().find((m) => m.file === "compiler/io/node-io.ts");
  assert.ok(seam, "compiler/io/node-io.ts is in the project");
  assert.ok(seam.specifiers.includes("node:fs"));
  assert.ok(seam.specifiers.includes("node:child_process"));
  assert.ok(seam.specifiers.includes("node:os"));
});

test("the check fails on a module outside the seam that imports the file system", () => {
  const planted: ModuleImports[] = [
    { file: "compiler/validate/schema.ts", specifiers: ["node:fs", "node:path"] },
    { file: "compiler/policy/user/user-policies.ts", specifiers: ["child_process"] },
    { file: "compiler/write/write.ts", specifiers: ["node:fs/promises"] },
    { file: "compiler/x.ts", specifiers: ["os", "node:os"] },
    { file: "compiler/io/node-io.ts", specifiers: ["node:fs"] },
    { file: "compiler/emit/yaml.ts", specifiers: ["fs-extra", "node:path", "yaml"] },
  ];
  assert.equal(violations(planted), [
    "compiler/validate/schema.ts imports node:fs",
    "compiler/policy/user/user-policies.ts imports child_process",
    "compiler/write/write.ts imports node:fs/promises",
    "compiler/x.ts imports os",
    "compiler/x.ts imports node:os",
  ]);
});

test.run();
