// The example stacks (stacks/), compiled once per test process.
import { compile, type CompileResult, type StackModel } from "../../compiler/index.js";
import { repoRoot } from "./repo.js";

let cached: Promise<CompileResult> | undefined;

/** compile(["stacks"]) from the repository root (no emit, no policy). */
export function compileExampleStacks(): Promise<CompileResult> {
  cached ??= compile(["stacks"], { cwd: repoRoot });
  return cached;
}

export async function exampleModels(): Promise<StackModel[]> {
  const result = await compileExampleStacks();
  const models = result.stacks.map((s) => s.model).filter((m): m is StackModel => m !== undefined);
  if (models.length !== result.stacks.length) throw new Error("an example stack does not compile");
  return models;
}

export async function exampleModel(name: string): Promise<StackModel> {
  const model = (await exampleModels()).find((m) => m.name === name);
  if (!model) throw new Error(`no example stack named ${name}`);
  return model;
}
