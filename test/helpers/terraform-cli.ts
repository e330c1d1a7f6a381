// The terraform CLI as a test oracle. Terraform is the one tool tests may skip without (it is not
// installed by scripts/tools), but a skip must be visible: callers use skipUnlessTerraform(), which
// prints `SKIPPED: terraform not installed (<what>)` on stdout and returns false.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface TerraformCli {
  /** Whether the binary can be started; probed once. */
  available(): boolean;
  /** `terraform fmt -check -recursive -list=true <dir>`: code 0 clean, 3 unformatted files (listed on stdout), 2 parse error. */
  fmtCheck(dir: string): CliResult;
  /** `terraform fmt -` on `text`: the formatted text on stdout. */
  format(text: string): CliResult;
  /** `terraform console` evaluating one expression in an empty directory (no init needed). */
  evaluate(expression: string): CliResult;
  /** available(), and when it is not, one `SKIPPED: …` line naming what was not checked. */
  skipUnless(what: string): boolean;
}

// No update check (it would reach the network) and no colour codes in messages tests print.
const ENV = { ...process.env, CHECKPOINT_DISABLE: "1" };

export function createTerraformCli(binary: string, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): TerraformCli {
  let probed: boolean | undefined;
  const run = (args: readonly string[], input?: string, cwd?: string): CliResult => {
    const result = spawnSync(binary, args, { encoding: "utf8", env: ENV, input, cwd, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    if (result.error !== undefined) throw result.error;
    return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
  };
  const available = (): boolean => {
    probed ??= spawnSync(binary, ["version"], { env: ENV, stdio: "ignore", timeout: 30_000 }).error === undefined;
    return probed;
  };
  return {
    available,
    fmtCheck: (dir) => run(["fmt", "-check", "-recursive", "-list=true", "-no-color", dir]),
    format: (text) => run(["fmt", "-no-color", "-"], text),
    evaluate(expression) {
      const dir = mkdtempSync(path.join(tmpdir(), "stackc-tf-console-"));
      try {
        return run(["console", "-no-color"], `${expression}\n`, dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    skipUnless(what) {
      if (available()) return true;
      log(`SKIPPED: terraform not installed (${what})`);
      return false;
    },
  };
}

const terraform = createTerraformCli("terraform");

/** terraform is on PATH (cached). */
export function terraformAvailable(): boolean {
  return terraform.available();
}

export function terraformFmtCheck(dir: string): CliResult {
  return terraform.fmtCheck(dir);
}

export function terraformFormat(text: string): CliResult {
  return terraform.format(text);
}

export function terraformEvaluate(expression: string): CliResult {
  return terraform.evaluate(expression);
}

/**
 * Guard for the CLI part of a test: `if (skipUnlessTerraform("fmt -check of 320 documents")) {…}`.
 * Without terraform it prints `SKIPPED: terraform not installed (fmt -check of 320 documents)`.
 */
export function skipUnlessTerraform(what: string): boolean {
  return terraform.skipUnless(what);
}
