// checkov over stackc's own Terraform, as a security team would run it: the pinned checkov
// (scripts/tools/checkov.mjs), offline (--skip-download), framework terraform, ONE invocation
// over a tree holding every folder to scan (checkov is slow to start; one run over ~80 module
// folders costs about what one folder does):
//   stacks/<stack>/terraform[-bootstrap]/        the committed out/ of every example stack
//   fixtures/<rule folder>/terraform[-bootstrap]/ each policy fixture compiled (its tamper.json
//                                                 removals applied to the .tf text too)
//   planted/terraform/                            prod's module plus planted insecure resources
// Shared by test/scanners/checkov.test.ts, scripts/scanners/checkov-equivalents.mjs and the bench.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";
import { compile } from "../../compiler/compile/compile.js";
import { repoPath } from "../helpers/repo.js";
import { policyStage } from "../policy/pipeline.js";

const run = promisify(execFile);

export const EXCEPTIONS_FILE = "policies/scanners/checkov-exceptions.yaml";
/** Per rule, the checkov checks meant to be its equivalents (the catalog lists those that fire). */
export const CANDIDATES_FILE = "policies/scanners/checkov-candidates.json";

/** One failed check: which check, where (folder of the tree, file, line) and on what. */
export interface Failure {
  check: string;
  /** Folder of the tree, e.g. `stacks/prod-eu-west-1/terraform`. */
  folder: string;
  file: string;
  line: number;
  resource: string;
}

export interface CheckovException {
  check: string;
  resources: string[];
  /** Example stacks it applies to; all when absent. */
  stacks?: string[];
  why: string;
}

/** The planted insecure resources: a bucket without encryption, an IAM policy writing on `*`. */
export const PLANTED_TF = `resource "aws_s3_bucket" "planted" {
  bucket = "stackc-planted-insecure"
}

data "aws_iam_policy_document" "planted" {
  statement {
    effect    = "Allow"
    actions   = ["s3:PutObject", "s3:DeleteObject"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "planted" {
  name   = "planted"
  policy = data.aws_iam_policy_document.planted.json
}
`;

export const PLANTED_RESOURCES = ["aws_s3_bucket.planted", "aws_iam_policy_document.planted", "aws_iam_policy.planted"];

/** Drops top-level blocks `resource "<type>" "<name>"` (canonical layout: a block ends at a `}` in column 0). */
export function removeBlocks(text: string, addresses: readonly string[]): string {
  let out = text;
  for (const address of addresses) {
    const [type, name] = address.split(".");
    const start = out.indexOf(`resource "${type}" "${name}" {`);
    if (start < 0) continue;
    const end = out.indexOf("\n}\n", start);
    out = out.slice(0, start) + out.slice(end + 3);
  }
  return out;
}

function copyModules(fromStackDir: string, toDir: string): void {
  for (const dir of ["terraform", "terraform-bootstrap"]) {
    const from = path.join(fromStackDir, dir);
    if (existsSync(from)) cpSync(from, path.join(toDir, dir), { recursive: true });
  }
}

/** Writes the tree to scan under `root`; returns the example stack names and fixture folder names. */
export async function prepareTree(root: string): Promise<{ stacks: string[]; fixtures: string[] }> {
  const out = repoPath("out");
  const stacks = readdirSync(out).filter((d) => existsSync(path.join(out, d, "terraform"))).sort();
  for (const stack of stacks) copyModules(path.join(out, stack), path.join(root, "stacks", stack));

  const fixtureRoot = repoPath("test", "fixtures", "policy");
  const fixtures = readdirSync(fixtureRoot).filter((f) => /^STK-|^clean$/.test(f)).sort();
  for (const folder of fixtures) {
    const dir = path.join(fixtureRoot, folder);
    const result = await compile(["stack.yaml"], { cwd: dir, emit: true, policy: policyStage() });
    const files = result.stacks[0]?.files ?? [];
    const tamperFile = path.join(dir, "tamper.json");
    const remove: string[] = existsSync(tamperFile) ? ((JSON.parse(readFileSync(tamperFile, "utf8")) as { terraform?: { remove?: string[] } }).terraform?.remove ?? []) : [];
    for (const file of files) {
      if (!/^terraform(-bootstrap)?\/.*\.tf$/.test(file.path)) continue;
      const target = path.join(root, "fixtures", folder, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, removeBlocks(file.contents, remove));
    }
  }

  const planted = path.join(root, "planted");
  copyModules(path.join(out, "prod-eu-west-1"), planted);
  writeFileSync(path.join(planted, "terraform", "planted.tf"), PLANTED_TF);
  return { stacks, fixtures };
}

interface CheckovFailed {
  check_id: string;
  file_path: string;
  file_line_range: [number, number];
  resource: string;
}

/** Parses checkov's JSON output: one report object, a list of them, or several concatenated. */
export function parseReports(text: string): Failure[] {
  const trimmed = text.trim();
  let docs: unknown[];
  try {
    docs = [JSON.parse(trimmed)];
  } catch {
    // several reports printed one after the other: each starts with a `{` in column 0
    docs = trimmed.split(/\n(?=\{)/).map((part) => JSON.parse(part) as unknown);
  }
  const reports = docs.flatMap((d) => (Array.isArray(d) ? d : [d])) as { check_type?: string; results?: { failed_checks?: CheckovFailed[] } }[];
  return reports
    .filter((r) => r.check_type === undefined || r.check_type === "terraform")
    .flatMap((r) => r.results?.failed_checks ?? [])
    .map((f) => {
      const rel = f.file_path.replace(/^\/+/, "");
      return { check: f.check_id, folder: path.posix.dirname(rel), file: rel, line: f.file_line_range[0], resource: f.resource };
    })
    .sort((a, b) => `${a.folder} ${a.resource} ${a.check}`.localeCompare(`${b.folder} ${b.resource} ${b.check}`));
}

/** Runs the pinned checkov once over `root`; returns its failed checks and the wall time. */
export async function runCheckov(bin: string, root: string): Promise<{ failures: Failure[]; seconds: number }> {
  const started = process.hrtime.bigint();
  let stdout = "";
  try {
    ({ stdout } = await run(bin, ["-d", root, "--framework", "terraform", "--skip-download", "--output", "json", "--quiet", "--compact"], {
      maxBuffer: 512 * 1024 * 1024,
      timeout: 20 * 60_000,
      env: { ...process.env, BC_SKIP_MAPPING: "TRUE", CHECKOV_RUN_SCA_PACKAGE_SCAN_V2: "false" },
    }));
  } catch (err) {
    // exit code 1 means "some check failed", with the report on stdout
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (e.code !== 1 || !e.stdout) throw new Error(`checkov failed (exit ${String(e.code)}): ${e.stderr ?? String(err)}`);
    stdout = e.stdout;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { failures: parseReports(stdout), seconds };
}

export function loadExceptions(): CheckovException[] {
  const doc = parse(readFileSync(repoPath(EXCEPTIONS_FILE), "utf8")) as { exceptions?: CheckovException[] };
  return doc.exceptions ?? [];
}

/** The stack a `stacks/<stack>/<module>` folder belongs to. */
export function stackOf(folder: string): string | undefined {
  return /^stacks\/([^/]+)\//.exec(`${folder}/`)?.[1];
}

/** Strips a for_each instance key: `aws_subnet.utility["eu-west-1a"]` → `aws_subnet.utility`. */
function resourceOf(address: string): string {
  return address.replace(/\[[^\]]*\]$/, "");
}

export function covers(e: CheckovException, f: Failure): boolean {
  const stack = stackOf(f.folder);
  if (stack === undefined || e.check !== f.check) return false;
  if (e.stacks && !e.stacks.includes(stack)) return false;
  return e.resources.includes(f.resource) || e.resources.includes(resourceOf(f.resource));
}

/**
 * What checkov says each rule is equivalent to: the checks that fail on the rule's fixture
 * folders (STK-X-NNN and STK-X-NNN+case) and pass on the clean fixture.
 */
export function observedEquivalents(failures: readonly Failure[], fixtures: readonly string[]): Record<string, string[]> {
  // compared per module and resource: a check that already fails on some resource of the clean
  // fixture (CKV_AWS_145 on the SSE-S3 OIDC bucket) still counts when a fixture makes it fail on another
  const key = (f: Failure, folder: string) => `${f.folder.slice(`fixtures/${folder}/`.length)}|${f.resource}|${f.check}`;
  const keysIn = (folder: string) => new Set(failures.filter((f) => f.folder.startsWith(`fixtures/${folder}/`) || f.folder === `fixtures/${folder}`).map((f) => key(f, folder)));
  const clean = keysIn("clean");
  const out: Record<string, string[]> = {};
  for (const folder of fixtures.filter((f) => f !== "clean")) {
    const rule = folder.split("+")[0]!;
    const set = new Set(out[rule] ?? []);
    for (const k of keysIn(folder)) if (!clean.has(k)) set.add(k.split("|")[2]!);
    out[rule] = [...set].sort();
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export function loadCandidates(): Record<string, string[]> {
  return JSON.parse(readFileSync(repoPath(CANDIDATES_FILE), "utf8")) as Record<string, string[]>;
}

/**
 * The equivalents the catalog publishes: of the checks meant to match a rule (CANDIDATES_FILE),
 * those that checkov does fail on the rule's fixture. A check that fires on the fixture but
 * checks something else (a fixture that drops the replica region also fails CKV_AWS_144) is not
 * an equivalent; a candidate that never fires on it is not one either.
 */
export function publishedEquivalents(observed: Record<string, string[]>, candidates: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.keys(candidates).sort().map((rule) => [rule, (candidates[rule] ?? []).filter((id) => (observed[rule] ?? []).includes(id)).sort()]));
}
