// Runs kops' own validation (k8s.io/kops v1.36.2, ValidateCluster + CrossValidateInstanceGroup)
// over kops specs, through the Go harness in test/kops-validate built by
// scripts/tools/kops-validate.mjs into .tools/bin/kops-validate. Never skips: a missing or stale
// binary is an error, because a kops check that silently does nothing would pass every test.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { feedStdin } from "./child-stdin.js";
import { repoPath } from "./repo.js";

/** One kops field error (apimachinery `field.Error`), as the harness prints it. */
export interface KopsFieldError {
  /** apimachinery ErrorType: FieldValueInvalid, FieldValueRequired, FieldValueForbidden, … */
  type: string;
  /** Field path in kops' internal API, e.g. `spec.subnets[0].cidr`, `spec.etcdClusters[0].etcdMembers`. */
  field: string;
  detail: string;
  /** Present for value-carrying types (Invalid, NotSupported, Duplicate, …). */
  badValue?: unknown;
  /** `Cluster/<name>` or `InstanceGroup/<name>`. */
  object: string;
}

export interface KopsResult {
  /** Empty when kops accepts the spec; absent (`[]` here) when it could not be decoded. */
  errors: KopsFieldError[];
  /** Set when the file could not be read or decoded (harness exit 2); then `errors` is empty. */
  decodeError?: string;
}

interface HarnessLine {
  file: string;
  errors?: KopsFieldError[];
  decodeError?: string;
  internalError?: string;
}

const TOOL_SCRIPT = repoPath("scripts", "tools", "kops-validate.mjs");

/** Path of the harness binary; throws when it is missing or older than its sources. */
export async function kopsValidateBinary(): Promise<string> {
  // The build script is the one owner of the binary's location and of the source hash.
  const tool = (await import(pathToFileURL(TOOL_SCRIPT).href)) as {
    kopsValidatePath(): string;
    isUpToDate(bin?: string): boolean;
  };
  const bin = tool.kopsValidatePath();
  const rebuild = "run `node scripts/tools/kops-validate.mjs` (or `npm test`, which builds it first)";
  if (!existsSync(bin)) throw new Error(`kops validation harness not built: ${bin} is missing; ${rebuild}`);
  if (!tool.isUpToDate(bin)) throw new Error(`kops validation harness ${bin} is older than test/kops-validate; ${rebuild}`);
  return bin;
}

function runHarness(bin: string, args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(bin, args, { maxBuffer: 64 * 1024 * 1024, timeout: 5 * 60_000 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== "number") {
        reject(new Error(`kops-validate did not run (${err.signal ?? err.code ?? err.message}): ${stderr}`));
        return;
      }
      resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
    });
    feedStdin(child, stdin, reject);
  });
}

function parse(stdout: string, code: number, stderr: string): HarnessLine[] {
  const lines = stdout.split("\n").filter((l) => l.trim() !== "");
  const out = lines.map((l) => {
    try {
      return JSON.parse(l) as HarnessLine;
    } catch {
      throw new Error(`kops-validate printed a line that is not JSON (exit ${code}): ${l}\n${stderr}`);
    }
  });
  for (const r of out) {
    // A panic inside kops is a harness problem, not a verdict on the spec.
    if (r.internalError) throw new Error(`kops-validate: internal error on ${r.file}: ${r.internalError}`);
  }
  return out;
}

function toResult(r: HarnessLine): KopsResult {
  return r.decodeError !== undefined ? { errors: [], decodeError: r.decodeError } : { errors: r.errors ?? [] };
}

/**
 * Validates kops spec files (Cluster first, then its InstanceGroups) in one harness process.
 * The map is keyed by the paths exactly as given.
 */
export async function validateKops(files: string[]): Promise<Map<string, KopsResult>> {
  if (files.length === 0) return new Map();
  const bin = await kopsValidateBinary();
  // "--" so that a file name starting with "-" is not taken for a flag.
  const { code, stdout, stderr } = await runHarness(bin, ["--", ...files]);
  if (code > 2) throw new Error(`kops-validate exited ${code}: ${stderr || stdout}`);
  const lines = parse(stdout, code, stderr);
  if (lines.length !== files.length) {
    throw new Error(`kops-validate printed ${lines.length} results for ${files.length} files (exit ${code}):\n${stdout}\n${stderr}`);
  }
  const results = new Map<string, KopsResult>();
  files.forEach((file, i) => {
    const line = lines[i]!;
    if (line.file !== file) throw new Error(`kops-validate result ${i} is for ${line.file}, expected ${file}`);
    results.set(file, toResult(line));
  });
  return results;
}

/** Validates one spec given as text (fed on stdin; nothing is written). */
export async function validateKopsText(yaml: string): Promise<KopsResult> {
  const bin = await kopsValidateBinary();
  const { code, stdout, stderr } = await runHarness(bin, [], yaml);
  if (code > 2) throw new Error(`kops-validate exited ${code}: ${stderr || stdout}`);
  const lines = parse(stdout, code, stderr);
  if (lines.length !== 1) throw new Error(`kops-validate printed ${lines.length} results for one input:\n${stdout}\n${stderr}`);
  return toResult(lines[0]!);
}

/** Validates several specs given as text, keyed by a caller-chosen name, in one harness process. */
export async function validateKopsTexts(specs: Record<string, string>): Promise<Map<string, KopsResult>> {
  const names = Object.keys(specs);
  const dir = await mkdtemp(path.join(os.tmpdir(), "stackc-kops-"));
  try {
    const files = await Promise.all(
      names.map(async (name, i) => {
        const file = path.join(dir, `${i}.yaml`);
        await writeFile(file, specs[name]!);
        return file;
      }),
    );
    const byFile = await validateKops(files);
    return new Map(names.map((name, i) => [name, byFile.get(files[i]!)!]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `type field` of each error, the compact form tests compare against. */
export function errorKeys(result: KopsResult): string[] {
  return result.errors.map((e) => `${e.type} ${e.field}`);
}
