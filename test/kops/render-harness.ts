// The harness's template mode (test/kops-validate/render.go): each file is rendered by kops' own
// templater with a values file, exactly as `kops toolbox template --values V --template FILE
// --channel none [--format-yaml]` renders it, and the rendered text is validated.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { kopsValidateBinary, type KopsFieldError } from "../helpers/kops-validate.js";

export interface RenderResult {
  /** What kops' templater produced (absent when it could not render). */
  rendered?: string;
  renderError?: string;
  decodeError?: string;
  errors: KopsFieldError[];
}

interface Line {
  file: string;
  rendered?: string;
  renderError?: string;
  decodeError?: string;
  internalError?: string;
  errors?: KopsFieldError[];
}

export function runHarness(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return kopsValidateBinary().then(
    (bin) =>
      new Promise((resolve, reject) => {
        execFile(bin, args, { maxBuffer: 64 * 1024 * 1024, timeout: 5 * 60_000 }, (err, stdout, stderr) => {
          if (err && typeof err.code !== "number") return reject(err);
          resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
        });
      }),
  );
}

/**
 * Renders and validates templates, one harness process per values file: `specs` maps a name to
 * `{ template, values }` (texts). Results keyed by the same names.
 */
export async function renderAndValidate(
  specs: Record<string, { template: string; values: string }>,
  options: { formatYaml?: boolean } = {},
): Promise<Map<string, RenderResult>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "stackc-kops-render-"));
  try {
    const results = new Map<string, RenderResult>();
    let i = 0;
    for (const [name, { template, values }] of Object.entries(specs)) {
      const templateFile = path.join(dir, `${i}.tmpl.yaml`);
      const valuesFile = path.join(dir, `${i}.values.json`);
      i++;
      await writeFile(templateFile, template);
      await writeFile(valuesFile, values);
      const args = ["-values", valuesFile, ...(options.formatYaml ? ["-format-yaml"] : []), "--", templateFile];
      const { code, stdout, stderr } = await runHarness(args);
      if (code > 2) throw new Error(`kops-validate exited ${code}: ${stderr || stdout}`);
      const lines = stdout.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as Line);
      if (lines.length !== 1) throw new Error(`kops-validate printed ${lines.length} lines for one template (exit ${code}): ${stdout}${stderr}`);
      const line = lines[0]!;
      if (line.internalError) throw new Error(`kops-validate: internal error: ${line.internalError}`);
      results.set(name, {
        ...(line.rendered !== undefined ? { rendered: line.rendered } : {}),
        ...(line.renderError !== undefined ? { renderError: line.renderError } : {}),
        ...(line.decodeError !== undefined ? { decodeError: line.decodeError } : {}),
        errors: line.errors ?? [],
      });
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
