// Property-based fuzzing of the whole pipeline — load → validate → normalize → emit → policy →
// report — over manifests mutated from the example stacks (fast-check). A case is one example
// stack plus a few mutations: value edits through the YAML document (set a value of any type,
// delete or misspell a key, anywhere in the manifest or its base) and raw text edits (inserted
// YAML syntax, control characters, cut lines, broken indentation). For every case:
//   1. nothing throws, and no diagnostic is STK-INTERNAL-001 (stackc's own crash);
//   2. every diagnostic has a known code, a severity and a message, and one about a file has a
//      range whose line and column lie inside that file (1-based; the column may be one past
//      the last character, as editors place a cursor at the end of a line);
//   3. the text, JSON and SARIF reporters render the result (JSON and SARIF parse back);
//   4. determinism: the same case compiled again, on a fresh Io, gives the same diagnostics and
//      the same generated files, byte for byte.
// Used by test/fuzz/pipeline.test.ts (a fixed seed, in the suite) and scripts/fuzz.mjs
// (`npm run fuzz -- --runs 10000`, a random seed printed on failure).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import { compile, type CompileResult, type MemoryIo } from "../../compiler/index.js";
import { codes } from "../../compiler/diagnostics/codes.js";
import { createPolicyStage, type CatalogPolicyStage } from "../../compiler/policy/stage.js";
import { formatJson, formatSarif, formatText, reportInput, colors } from "../../compiler/report/index.js";
import { memoryProject } from "../helpers/memory-io.js";
import { repoPath } from "../helpers/repo.js";

const CWD = "/fuzz/project";
const NOW = new Date("2026-11-21T12:00:00Z");

function readTree(dir: string, rel = ""): [string, string][] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e): [string, string][] => {
    const child = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? readTree(dir, child) : [[child, readFileSync(path.join(dir, child), "utf8")]];
  });
}

/** The example stacks: stacks/<path> → text. */
export const EXAMPLES: ReadonlyMap<string, string> = new Map(readTree(repoPath("stacks")).map(([p, t]) => [`stacks/${p}`, t]));
const ENTRIES = ["stacks/dev.yaml", "stacks/staging.yaml", "stacks/prod.yaml", "stacks/fleet/prod-us-east-1.yaml"] as const;
/** Which file a mutation edits: the entry manifest, or the base it (first) extends. */
const BASE_OF: Record<string, string> = {
  "stacks/dev.yaml": "stacks/base.yaml",
  "stacks/staging.yaml": "stacks/base.yaml",
  "stacks/prod.yaml": "stacks/base.yaml",
  "stacks/fleet/prod-us-east-1.yaml": "stacks/fleet/prod-base.yaml",
};

export type Mutation =
  | { kind: "set"; target: "entry" | "base"; at: number; value: unknown }
  | { kind: "delete"; target: "entry" | "base"; at: number }
  | { kind: "rename"; target: "entry" | "base"; at: number; key: string }
  | { kind: "insert"; target: "entry" | "base"; at: number; text: string }
  | { kind: "cut"; target: "entry" | "base"; at: number; length: number }
  | { kind: "indent"; target: "entry" | "base"; line: number; by: number };

export interface FuzzCase {
  entry: (typeof ENTRIES)[number];
  mutations: Mutation[];
}

// values that mean something to a stack manifest, next to arbitrary ones
const MEANINGFUL = [
  "0.0.0.0/0", "10.0.0.0/8", "10.20.0.0/16", "10.20.0.0/33", "::/0", "1.36.0", "1.35.5", "v1.21.1", "99.0.0", "latest",
  "m6i.large", "eu-west-1a", "us-east-1z", "perZone", "single", "public", "private", "internal", "sse-kms", "none",
  "", " ", "\t", "a\u202eb", "${var.x}", "{{ .Values.x }}", "ref+vault://x#y", "AKIAIOSFODNN7EXAMPLE", "ghp_0123456789abcdefghijklmnopqrstuvwxyz",
  "-----BEGIN RSA PRIVATE KEY-----", "2026-01-01", "2020-01-01", "STK-NET-009", "STK-NOPE-001", "../../etc/passwd", "./base.yaml", "./missing.yaml",
  "*", "arn:aws:kms:eu-west-1:123456789012:key/x", "123456789012", "a".repeat(300),
];
const scalar = fc.oneof(
  fc.constantFrom(...MEANINGFUL),
  fc.string({ maxLength: 20 }),
  fc.integer({ min: -5, max: 100_000 }),
  fc.constantFrom(0, -1, 1, 3, 65535, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.5),
  fc.boolean(),
  fc.constant(null),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 2, arbitrary: fc.dictionary(fc.constantFrom("name", "version", "enabled", "min", "max", "cidr", "zone", "x", "machineType", "values"), scalar, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.record({ name: fc.constantFrom("general", "spot", "a", ""), min: fc.integer({ min: -1, max: 40 }), max: fc.integer({ min: -1, max: 40 }) }), { maxLength: 3 }) },
);
const FRAGMENTS = [
  ": ", "- ", "\n", "\n  ", "\t", "&a ", "*a", "*missing", "<<: *a\n", "!!binary ", "!!str ", "!custom ", "? ", "---\n", "...\n", "# ", "'", '"',
  "{", "}", "[", "]", ",", "|\n", ">-\n", "%YAML 1.2\n", "\u0000", "\r", "\u001b", "\ufeff", "\u202e", "\ud800", "é", "\u00a0", "key: value\n", "extends: ./base.yaml\n",
  "extends: ../../etc/passwd\n", "metadata: {name: x}\n", "spec: null\n", "a: &x [*x]\n",
];
const target = fc.constantFrom("entry" as const, "base" as const);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("set" as const), target, at: fc.nat(), value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), target, at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("rename" as const), target, at: fc.nat(), key: fc.oneof(fc.constantFrom("nam", "versoin", "extends", "kind", "enabled", "", "spec"), fc.string({ maxLength: 8 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("insert" as const), target, at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cut" as const), target, at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("indent" as const), target, line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }) },
);

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({ entry: fc.constantFrom(...ENTRIES), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) });

/** Every path to a node of the document (maps' keys and sequences' items), in document order. */
function nodePaths(node: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key !== "string" && typeof key !== "number") continue;
      out.push([...prefix, key], ...nodePaths(pair.value, [...prefix, key]));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => out.push([...prefix, i], ...nodePaths(item, [...prefix, i])));
  }
  return out;
}

/** Applies one mutation to a file's text (value edits only while the text still parses as YAML). */
export function mutate(text: string, m: Mutation): string {
  if (m.kind === "insert" || m.kind === "cut") {
    const at = m.at % (text.length + 1);
    return m.kind === "insert" ? text.slice(0, at) + m.text + text.slice(at) : text.slice(0, at) + text.slice(at + m.length);
  }
  if (m.kind === "indent") {
    const lines = text.split("\n");
    const i = m.line % lines.length;
    lines[i] = m.by >= 0 ? " ".repeat(m.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), "");
    return lines.join("\n");
  }
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return text;
  // the yaml library cannot always write back what it parsed (an alias whose anchor a mutation
  // removed): such an edit is skipped, it says nothing about stackc
  try {
    return editDocument(doc, m) ?? text;
  } catch {
    return text;
  }
}

function editDocument(doc: ReturnType<typeof parseDocument>, m: Extract<Mutation, { kind: "set" | "delete" | "rename" }>): string | undefined {
  const paths = nodePaths(doc.contents);
  if (paths.length === 0) return undefined;
  const at = paths[m.at % paths.length]!;
  if (m.kind === "set") doc.setIn(at, doc.createNode(m.value));
  else if (m.kind === "delete") doc.deleteIn(at);
  else {
    const parent = at.slice(0, -1);
    const key = at[at.length - 1]!;
    const holder = parent.length === 0 ? doc.contents : doc.getIn(parent, true);
    if (!isMap(holder) || typeof key !== "string") return undefined;
    const v = doc.getIn(at, true);
    doc.deleteIn(at);
    doc.setIn([...parent, m.key], v);
  }
  return doc.toString();
}

/** The files of a case: the examples with its mutations applied. */
export function caseFiles(c: FuzzCase): Map<string, string> {
  const files = new Map(EXAMPLES);
  for (const m of c.mutations) {
    const file = m.target === "entry" ? c.entry : BASE_OF[c.entry]!;
    files.set(file, mutate(files.get(file)!, m));
  }
  return files;
}

let stage: CatalogPolicyStage | undefined;
/** One policy stage for every case (its wasm instance is the costly part); the catalog is read once. */
function policyStage(): CatalogPolicyStage {
  stage ??= createPolicyStage({ now: NOW, io: memoryProject({}, CWD) });
  return stage;
}

/** One case through the pipeline, policies included (what checkCase runs twice). */
export async function compileCase(c: FuzzCase): Promise<CompileResult> {
  return (await run(caseFiles(c), c.entry)).result;
}

async function run(files: Map<string, string>, entry: string): Promise<{ result: CompileResult; io: MemoryIo }> {
  const io = memoryProject(Object.fromEntries(files), CWD);
  const result = await compile([entry], { cwd: CWD, io, emit: true, policy: policyStage() });
  return { result, io };
}

const KNOWN = new Set<string>(codes.keys());

/** Problems with one diagnostic (empty when it is well formed). */
export function diagnosticProblems(d: CompileResult["diagnostics"][number], files: Map<string, string>, rules: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const where = `${d.code} ${JSON.stringify(d.message)}`;
  if (!KNOWN.has(d.code) && !rules.has(d.code)) problems.push(`${where}: unknown code`);
  if (d.code === "STK-INTERNAL-001") problems.push(`${where}: an internal error (a crash inside stackc)`);
  if (!["error", "warning", "info"].includes(d.severity)) problems.push(`${where}: severity ${String(d.severity)}`);
  if (typeof d.message !== "string" || d.message.trim() === "") problems.push(`${where}: no message`);
  if (d.file !== undefined) {
    const text = files.get(d.file);
    if (!d.range) problems.push(`${where}: a file but no range`);
    else if (text !== undefined) {
      const lines = text.split("\n");
      for (const [name, pos] of [["start", d.range.start], ["end", d.range.end]] as const) {
        if (!Number.isInteger(pos.line) || !Number.isInteger(pos.column) || pos.line < 1 || pos.column < 1) problems.push(`${where}: ${name} ${pos.line}:${pos.column} is not 1-based`);
        else if (pos.line > lines.length) problems.push(`${where}: ${name} line ${pos.line} is past the end of ${d.file} (${lines.length} lines)`);
        else if (pos.column > lines[pos.line - 1]!.length + 1) problems.push(`${where}: ${name} column ${pos.column} is past the end of line ${pos.line} of ${d.file}`);
      }
      const { start, end } = d.range;
      if (end.line < start.line || (end.line === start.line && end.column < start.column)) problems.push(`${where}: the range ends before it starts`);
    }
  } else if (d.range) problems.push(`${where}: a range but no file`);
  return problems;
}

/**
 * The properties for one case; rejects with every problem found (fast-check reports the first
 * failing case, shrunk to its smallest form).
 */
export async function checkCase(c: FuzzCase): Promise<void> {
  const files = caseFiles(c);
  const display = new Map([...files].map(([p, t]) => [p, t] as const));
  const first = await run(files, c.entry);
  const rules = new Set(policyStage().rules.map((r) => r.id));
  const problems = first.result.diagnostics.flatMap((d) => diagnosticProblems(d, display, rules));
  // the reporters over the same result
  formatText({ diagnostics: first.result.diagnostics, sources: first.result.sources, stackCount: first.result.stacks.length, colors: colors(false), verbose: true });
  JSON.parse(formatJson({ diagnostics: first.result.diagnostics, stacks: first.result.stacks, version: "fuzz" }));
  JSON.parse(formatSarif(reportInput(first.result, policyStage().rules)));
  // determinism: a fresh Io, the same bytes
  const second = await run(files, c.entry);
  if (JSON.stringify(second.result.diagnostics) !== JSON.stringify(first.result.diagnostics)) problems.push("the same case gave different diagnostics on a second run");
  const emitted = (r: CompileResult) => JSON.stringify(r.stacks.map((s) => (s.files ?? []).map((f) => [f.path, f.contents])));
  if (emitted(second.result) !== emitted(first.result)) problems.push("the same case generated different files on a second run");
  if (problems.length > 0) throw new Error(problems.join("\n"));
}

/** fast-check's property over fuzzCase. */
export function pipelineProperty(): fc.IAsyncPropertyWithHooks<[FuzzCase]> {
  return fc.asyncProperty(fuzzCase, checkCase);
}

/** A case as the files it changes (for a failure report: what to save and re-run). */
export function describeCase(c: FuzzCase): string {
  const files = caseFiles(c);
  const changed = [...files].filter(([p, t]) => EXAMPLES.get(p) !== t);
  return [`entry: ${c.entry}`, `mutations: ${JSON.stringify(c.mutations)}`, ...changed.map(([p, t]) => `--- ${p}\n${t}`)].join("\n");
}
