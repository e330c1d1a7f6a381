// Every kops spec stackc emits in the tests: the example stacks (bound with their committed
// terraform-output fixtures in test/fixtures/bind/) and the variant stacks in
// test/fixtures/kops/variants/ (bound with generated outputs), each as the template, its
// artifact and the bound spec. Built once per test process.
import { emitContext } from "../../compiler/emit/context.js";
import { readdirSync, readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { bindKopsSpec } from "../../compiler/bind/index.js";
import { compile, type StackModel } from "../../compiler/index.js";
import { kopsEmitter, type KopsArtifact, type KopsSpec } from "../../compiler/emit/kops/index.js";
import { repoPath } from "../helpers/repo.js";
import { exampleModels } from "../helpers/stacks.js";
import { fakeTerraformOutputs } from "./fake-outputs.js";

export interface EmittedSpec {
  /** Stack name. */
  name: string;
  example: boolean;
  model: StackModel;
  template: string;
  artifact: KopsArtifact;
  /** `terraform output -json` text it is bound with, and the file it comes from (display path). */
  outputText: string;
  outputFile: string;
  bound: string;
  boundSpec: KopsSpec;
}

export const VARIANTS_DIR = repoPath("test", "fixtures", "kops", "variants");

export function bindOutputFixture(stack: string): string {
  return repoPath("test", "fixtures", "bind", `${stack}.tf-output.json`);
}

async function variantModels(): Promise<StackModel[]> {
  const files = readdirSync(VARIANTS_DIR).filter((f) => f.endsWith(".yaml")).sort();
  const result = await compile(files, { cwd: VARIANTS_DIR });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`variant stacks do not compile: ${errors.map((d) => `${d.file}:${d.range?.start.line} ${d.code} ${d.message}`).join("; ")}`);
  return result.stacks.map((s) => s.model!);
}

function emitted(model: StackModel, example: boolean): EmittedSpec {
  const output = kopsEmitter.emit(model, emitContext());
  const [file] = output.files;
  if (!file || output.files.length !== 1) throw new Error(`kops emitter wrote ${output.files.length} files for ${model.name}`);
  const outputFile = example ? `test/fixtures/bind/${model.name}.tf-output.json` : `generated/${model.name}.tf-output.json`;
  const outputText = example ? readFileSync(bindOutputFixture(model.name), "utf8") : `${JSON.stringify(fakeTerraformOutputs(model), null, 2)}\n`;
  const bound = bindKopsSpec({ model, outputText, outputFile });
  if (!bound.file || !bound.spec) {
    throw new Error(`bind failed for ${model.name}: ${bound.diagnostics.map((d) => `${d.range?.start.line}:${d.range?.start.column} ${d.code} ${d.message}`).join("; ")}`);
  }
  return {
    name: model.name,
    example,
    model,
    template: file.contents,
    artifact: output.artifact as KopsArtifact,
    outputText,
    outputFile,
    bound: bound.file.contents,
    boundSpec: bound.spec,
  };
}

let cached: Promise<EmittedSpec[]> | undefined;

/** Example stacks first (in compile order), then the variants. */
export function emittedSpecs(): Promise<EmittedSpec[]> {
  cached ??= (async () => {
    const examples = (await exampleModels()).map((m) => emitted(m, true));
    const variants = (await variantModels()).map((m) => emitted(m, false));
    return [...examples, ...variants];
  })();
  return cached;
}

/** The documents of a kops spec as plain data, read as kops reads them (YAML 1.1). */
export function documents(yaml: string): Record<string, any>[] {
  return parseAllDocuments(yaml, { version: "1.1" }).map((d) => {
    if (d.errors.length > 0) throw new Error(d.errors.map((e) => e.message).join("; "));
    return d.toJS() as Record<string, any>;
  });
}
