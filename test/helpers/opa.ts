// The pinned opa for tests (installed by scripts/tools/opa.mjs, which scripts/test.mjs runs
// first), and small wrappers: run it, build throwaway wasm bundles from inline Rego.
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { readTarGz } from "../../compiler/policy/engine/tar.js";
import { repoPath, repoRoot } from "./repo.js";

interface OpaTool {
  OPA_VERSION: string;
  opaPath(): string;
  ensure(options?: { log?: (line: string) => void }): Promise<string>;
}

/** Import one of the repository's .mjs scripts (plain JS, so typed by the caller). */
export async function importScript<T>(relative: string): Promise<T> {
  return (await import(pathToFileURL(repoPath(relative)).href)) as T;
}

let opaBin: string | undefined;

/** Path of the pinned opa, installing it when missing (instant when present). */
export async function ensureOpa(): Promise<string> {
  if (opaBin) return opaBin;
  const tool = await importScript<OpaTool>("scripts/tools/opa.mjs");
  opaBin = await tool.ensure();
  return opaBin;
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runOpa(args: readonly string[], options: { cwd?: string; stdin?: string } = {}): Promise<RunResult> {
  const bin = await ensureOpa();
  const r = spawnSync(bin, args, {
    cwd: options.cwd ?? repoRoot,
    input: options.stdin,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Evaluate a query with the interpreter over the given files (relative to the repo) and input. */
export async function opaEval(query: string, files: readonly string[], input: unknown): Promise<unknown[]> {
  const args = ["eval", "--format", "json", "--stdin-input"];
  for (const f of files) args.push("--data", f);
  args.push(query);
  const r = await runOpa(args, { stdin: JSON.stringify(input) });
  if (r.status !== 0) throw new Error(`opa eval failed: ${r.stderr || r.stdout}`);
  const out = JSON.parse(r.stdout) as { result?: { expressions: { value: unknown }[] }[] };
  return (out.result ?? []).map((row) => row.expressions[0]?.value);
}

export interface TempBundle {
  dir: string;
  /** opa build's exit status and output (the bundle files exist only when status is 0). */
  build: RunResult;
  cleanup(): void;
}

/**
 * Build inline Rego sources into a wasm bundle folder (policy.wasm + .manifest), as
 * scripts/policy/build.mjs does, by default against policies/capabilities.json.
 */
export async function buildTempBundle(
  sources: Record<string, string>,
  entrypoints: readonly string[],
  options: { capabilities?: boolean } = {},
): Promise<TempBundle> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stackc-test-bundle-"));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const src = path.join(dir, "src");
  mkdirSync(src);
  const files = Object.entries(sources).map(([name, text]) => {
    writeFileSync(path.join(src, name), text);
    return path.join("src", name);
  });
  const args = ["build", "-t", "wasm", "-O=0"];
  if (options.capabilities !== false) args.push("--capabilities", repoPath("policies", "capabilities.json"));
  for (const e of entrypoints) args.push("-e", e);
  args.push("-o", "bundle.tar.gz", ...files);
  const build = await runOpa(args, { cwd: dir });
  if (build.status === 0) {
    const entries = readTarGz(readFileSync(path.join(dir, "bundle.tar.gz")), ["/policy.wasm", "/.manifest"]);
    writeFileSync(path.join(dir, "policy.wasm"), entries.get("/policy.wasm")!);
    writeFileSync(path.join(dir, ".manifest"), entries.get("/.manifest")!);
  }
  return { dir, build, cleanup };
}
