// Shared by the bind tests: the prod stack's model and source map, its terraform-output fixture
// as data to edit, and where a piece of text is in a file (1-based line:column).
import { readFileSync } from "node:fs";
import { bindKopsSpec, type BindResult } from "../../compiler/bind/index.js";
import { compile, type StackResult } from "../../compiler/index.js";
import { repoPath, repoRoot } from "../helpers/repo.js";

export type Outputs = Record<string, { sensitive: boolean; type: unknown; value: any }>;

let stacks: Promise<StackResult[]> | undefined;

export async function exampleStack(name: string): Promise<StackResult> {
  stacks ??= compile(["stacks"], { cwd: repoRoot }).then((r) => r.stacks);
  const found = (await stacks).find((s) => s.name === name);
  if (!found?.model) throw new Error(`no example stack ${name}`);
  return found;
}

export const fixtureFile = (stack: string) => `test/fixtures/bind/${stack}.tf-output.json`;

export function fixtureOutputs(stack: string): Outputs {
  return JSON.parse(readFileSync(repoPath(...fixtureFile(stack).split("/")), "utf8")) as Outputs;
}

/** Outputs as `terraform output -json` prints them (two-space indent). */
export function asText(outputs: unknown): string {
  return `${JSON.stringify(outputs, null, 2)}\n`;
}

export async function bind(stack: string, outputText: string): Promise<BindResult> {
  const s = await exampleStack(stack);
  return bindKopsSpec({ model: s.model!, outputText, outputFile: "tf.json", sourceMap: s.sourceMap! });
}

/** 1-based `line:column` of the `nth` occurrence (0-based) of `needle` in `text`, after `after` if given. */
export function positionOf(text: string, needle: string, after?: string): string {
  const from = after === undefined ? 0 : text.indexOf(after);
  if (from < 0) throw new Error(`${JSON.stringify(after)} not in the text`);
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`${JSON.stringify(needle)} not in the text`);
  const before = text.slice(0, offset).split("\n");
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** `code line:column` of each diagnostic, the form the tests compare. */
export function located(result: BindResult): string[] {
  return result.diagnostics.map((d) => `${d.code} ${d.file}:${d.range?.start.line}:${d.range?.start.column}`);
}
