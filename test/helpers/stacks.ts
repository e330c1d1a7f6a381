// The example stacks (stacks/), compiled once per test process.
import { compile, type CompileResult, type StackModel } from "../../compiler/index.js";
import { repoRoot } from "./repo.js";
import type { NetworkModel } from "../../compiler/model/network.js";

let cached: Promise<CompileResult> | undefined;

/** compile(["stacks"]) from the repository root (no emit, no policy). */
export function compileExampleStacks(): Promise<CompileResult> {
  cached ??= compile(["stacks"], { cwd: repoRoot });
  return cached;
}

export async function exampleModels(): Promise<StackModel[]> {
  const result = await compileExampleStacks();
  const models = result.stacks.map((s) => s.model).filter((m): m is StackModel => m !== undefined);
  // networks (kind: Network) compile to a NetworkModel, not a stack model
  if (result.stacks.some((s) => !s.model && !s.network)) throw new Error("an example stack does not compile");
  return models;
}

/** The example networks (kind: Network manifests under stacks/). */
export async function exampleNetworks(): Promise<NetworkModel[]> {
  const result = await compileExampleStacks();
  return result.stacks.map((s) => s.network).filter((n): n is NetworkModel => n !== undefined);
}

export async function exampleModel(name: string): Promise<StackModel> {
  const model = (await exampleModels()).find((m) => m.name === name);
  if (!model) throw new Error(`no example stack named ${name}`);
  return model;
}
