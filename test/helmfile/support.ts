// Shared by the Helmfile tests: compile a fixture stack, emit its helmfile, look things up.
import path from "node:path";
import { parse } from "yaml";
import { compile, type StackModel } from "../../compiler/index.js";
import { emitHelmfile, type HelmfileArtifact, type ReleaseArtifact } from "../../compiler/emit/helmfile/index.js";
import type { EmitOutput } from "../../compiler/emit/emitter.js";
import { repoPath } from "../helpers/repo.js";

export const fixtureDir = (name: string) => repoPath("test", "fixtures", "helmfile", name);

/** The model of test/fixtures/helmfile/<name>/stack.yaml; fails on any error diagnostic. */
export async function fixtureModel(name: string): Promise<StackModel> {
  const result = await compile(["stack.yaml"], { cwd: fixtureDir(name) });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  const model = result.stacks[0]?.model;
  if (errors.length > 0 || !model) throw new Error(`fixture ${name}: ${errors.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  return model;
}

export function emit(model: StackModel): EmitOutput & { artifact: HelmfileArtifact } {
  const output = emitHelmfile(model);
  return { ...output, artifact: output.artifact as HelmfileArtifact };
}

export function release(artifact: HelmfileArtifact, name: string): ReleaseArtifact {
  const found = artifact.releases.find((r) => r.name === name);
  if (!found) throw new Error(`no release ${name} in ${artifact.releases.map((r) => r.name).join(", ")}`);
  return found;
}

/** The value at a path of keys (keys may contain dots, hence an array). */
export function at(value: unknown, ...keys: (string | number)[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A generated file parsed as YAML (the generated header is a comment). */
export function parsedFile(output: EmitOutput, file: string): unknown {
  const found = output.files.find((f) => f.path === file);
  if (!found) throw new Error(`no file ${file}`);
  return parse(found.contents);
}

export const fixtureFile = (name: string) => path.join(fixtureDir(name), "stack.yaml");
