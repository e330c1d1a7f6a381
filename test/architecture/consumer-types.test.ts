// The published .d.ts compile in a consumer project that has no @types/node (and no DOM lib):
// the package's declarations are laid out as npm would install them (package.json with its
// exports, dist/**/*.d.ts), the runtime dependencies whose types they name are linked beside it,
// and a consumer using every public entry is type-checked with tsc, strict, skipLibCheck off.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { repoPath } from "../helpers/repo.js";

function copyDeclarations(from: string, to: string): void {
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) copyDeclarations(a, b);
    else if (e.name.endsWith(".d.ts")) {
      mkdirSync(to, { recursive: true });
      cpSync(a, b);
    }
  }
}

const consumer = `import { build, check, createMemoryIo, type BuildResult, type Diagnostic, type Io } from "stackc";
import { createPolicyEngine, loadUserPolicies, type PolicyEngine, type UserPolicy } from "stackc/policy";
import { formatSarif, formatText, reportInput } from "stackc/report";
import { nodeIo, type MemoryIo } from "stackc/io";

export async function gate(paths: string[], io: Io = nodeIo): Promise<Diagnostic[]> {
  const result: BuildResult = await build(paths, { io, now: new Date(0), policies: [] });
  const checked = await check(paths, { io });
  const sarif: string = formatSarif(reportInput(checked, checked.rules));
  void sarif;
  void formatText;
  return result.diagnostics;
}

export const memory: MemoryIo = createMemoryIo({ files: { "/w/a.yaml": "kind: Stack\\n" } });
export const engine: () => PolicyEngine = () => createPolicyEngine();
export const users: (dirs: string[]) => UserPolicy[] = (dirs) => loadUserPolicies(dirs, { cwd: "/w", io: memory });
`;

test("the published declarations type-check in a consumer without @types/node", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stackc-consumer-"));
  const pkg = path.join(dir, "node_modules", "stackc");
  mkdirSync(pkg, { recursive: true });
  cpSync(repoPath("package.json"), path.join(pkg, "package.json"));
  copyDeclarations(repoPath("dist", "compiler"), path.join(pkg, "dist", "compiler"));
  copyDeclarations(repoPath("dist", "schema"), path.join(pkg, "dist", "schema"));
  // the runtime dependencies (npm installs them beside stackc); their own types, not @types/node
  for (const dep of ["ajv", "picocolors", "commander"]) symlinkSync(repoPath("node_modules", dep), path.join(dir, "node_modules", dep), "dir");
  writeFileSync(path.join(dir, "consumer.ts"), consumer);
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2023"], types: [], strict: true, noEmit: true, skipLibCheck: false },
      files: ["consumer.ts"],
    }),
  );
  const tsc = spawnSync(process.execPath, [repoPath("node_modules", "typescript", "bin", "tsc"), "-p", dir], { encoding: "utf8", timeout: 120_000 });
  assert.is(tsc.status, 0, `${tsc.stdout}${tsc.stderr}`);

  // and the check is real: a consumer that uses a Node global does not compile there
  writeFileSync(path.join(dir, "consumer.ts"), `${consumer}\nexport const cwd: string = process.cwd();\n`);
  const refused = spawnSync(process.execPath, [repoPath("node_modules", "typescript", "bin", "tsc"), "-p", dir], { encoding: "utf8", timeout: 120_000 });
  assert.is.not(refused.status, 0);
  assert.match(refused.stdout + refused.stderr, /Cannot find name 'process'/);
});

test.run();
