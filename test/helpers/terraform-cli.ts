// The terraform CLI as a test oracle. Terraform is the one tool tests may skip without (it is not
// installed by scripts/tools), but a skip must be visible and counted: callers register such tests
// with `unless(test, terraformMissing())` (test/helpers/skip.ts), which prints
// `SKIPPED <test name>: terraform not installed` and counts the test as skipped, not passed.
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
  /** undefined when available(), else the reason a test needing it is skipped. */
  missing(): string | undefined;
}

// No update check (it would reach the network) and no colour codes in messages tests print.
const ENV = { ...process.env, CHECKPOINT_DISABLE: "1" };

export function createTerraformCli(binary: string): TerraformCli {
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
    missing: () => (available() ? undefined : `terraform not installed (${binary} does not start)`),
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

/** Why a test needing terraform is skipped, or undefined when terraform is on PATH: `unless(test, terraformMissing())`. */
export function terraformMissing(): string | undefined {
  return terraform.missing();
}
