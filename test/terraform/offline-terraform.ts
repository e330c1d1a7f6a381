// Terraform as an offline test oracle: the aws provider comes from a local filesystem mirror,
// found here, and every terraform call gets a CLI config (offline.tfrc.template, filled in with
// the mirror) through TF_CLI_CONFIG_FILE, so nothing reaches the network and no user config
// leaks in. Without terraform or a mirror, tests print one visible `SKIPPED: …` line.
//
// Where the mirror is looked for, in order:
//   1. $STACKC_TF_PLUGIN_MIRROR (when set it is the only place looked at: a wrong value is a
//      visible skip with the reason, not a silent fallback);
//   2. /opt/tf-plugins (CI images);
//   3. Terraform's implied mirror directories: $XDG_DATA_HOME/terraform/plugins (or
//      ~/.local/share/terraform/plugins), ~/.terraform.d/plugins, /usr/local/share/terraform/plugins,
//      /usr/share/terraform/plugins.
// A mirror counts when it holds registry.terraform.io/hashicorp/aws/<version>/<os_arch>/terraform-provider-aws*
// for a version the emitted constraint accepts.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import semver from "semver";
import { quote } from "../../compiler/emit/terraform/hcl/index.js";
import { AWS_PROVIDER_VERSION } from "../../compiler/emit/terraform/versions.js";
import { repoPath } from "../helpers/repo.js";

export const MIRROR_ENV = "STACKC_TF_PLUGIN_MIRROR";
export const AWS_PROVIDER_DIR = "registry.terraform.io/hashicorp/aws";
const TEMPLATE_PLACEHOLDER = '"__PLUGIN_MIRROR__"';

export function wellKnownMirrors(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string[] {
  const xdgData = env.XDG_DATA_HOME && env.XDG_DATA_HOME !== "" ? env.XDG_DATA_HOME : path.join(home, ".local", "share");
  return [
    "/opt/tf-plugins",
    path.join(xdgData, "terraform", "plugins"),
    path.join(home, ".terraform.d", "plugins"),
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
  ];
}

/** Go's GOOS_GOARCH for this machine, as provider directories are named. */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const os = platform === "win32" ? "windows" : platform;
  const goArch = arch === "x64" ? "amd64" : arch === "ia32" ? "386" : arch;
  return `${os}_${goArch}`;
}

/** The emitted `>= 5.100.0, < 7.0.0` as a semver range. */
export function providerRange(constraint: string = AWS_PROVIDER_VERSION): string {
  return constraint.split(",").map((part) => part.trim().replace(/^(>=|<=|>|<|=)\s*/, "$1")).join(" ");
}

/** aws provider versions in `mirror` usable on `platform` under the emitted constraint. */
export function usableProviderVersions(mirror: string, platform: string = terraformPlatform()): string[] {
  const root = path.join(mirror, ...AWS_PROVIDER_DIR.split("/"));
  if (!existsSync(root)) return [];
  const range = providerRange();
  return readdirSync(root)
    .filter((version) => semver.valid(version) !== null && semver.satisfies(version, range))
    .filter((version) => {
      const dir = path.join(root, version, platform);
      return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith("terraform-provider-aws"));
    })
    .sort(semver.compare);
}

export type MirrorLookup =
  | { readonly found: true; readonly dir: string; readonly versions: readonly string[]; readonly via: string }
  | { readonly found: false; readonly reason: string };

export function findPluginMirror(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = wellKnownMirrors(env)): MirrorLookup {
  const fromEnv = env[MIRROR_ENV];
  if (fromEnv !== undefined && fromEnv !== "") {
    const dir = path.resolve(fromEnv);
    const versions = usableProviderVersions(dir);
    return versions.length > 0
      ? { found: true, dir, versions, via: `$${MIRROR_ENV}` }
      : { found: false, reason: `$${MIRROR_ENV}=${fromEnv} holds no ${AWS_PROVIDER_DIR} ${AWS_PROVIDER_VERSION} for ${terraformPlatform()}` };
  }
  for (const dir of candidates) {
    const versions = usableProviderVersions(dir);
    if (versions.length > 0) return { found: true, dir, versions, via: "well-known location" };
  }
  return {
    found: false,
    reason: `no ${AWS_PROVIDER_DIR} ${AWS_PROVIDER_VERSION} mirror for ${terraformPlatform()}; set $${MIRROR_ENV} (looked in ${candidates.join(", ")})`,
  };
}

/** The CLI config for `mirror`: offline.tfrc.template with the path filled in as an HCL string. */
export function cliConfigText(mirror: string): string {
  const template = readFileSync(repoPath("test", "terraform", "offline.tfrc.template"), "utf8");
  if (!template.includes(TEMPLATE_PLACEHOLDER)) throw new Error(`offline.tfrc.template lacks ${TEMPLATE_PLACEHOLDER}`);
  return template.replace(TEMPLATE_PLACEHOLDER, () => quote(mirror));
}

export interface TfRun {
  readonly args: readonly string[];
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

export interface OfflineTerraform {
  readonly mirror: string;
  readonly configFile: string;
  run(args: readonly string[], cwd: string): Promise<TfRun>;
  dispose(): void;
}

/** Environment for every terraform call: our CLI config, no checkpoint, no user overrides. */
export function terraformEnv(configFile: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    // TF_CLI_ARGS*, TF_DATA_DIR, TF_WORKSPACE, TF_PLUGIN_CACHE_DIR… would change what we test
    if (!key.startsWith("TF_")) env[key] = value;
  }
  return { ...env, TF_CLI_CONFIG_FILE: configFile, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_INPUT: "0" };
}

export function createOfflineTerraform(mirror: string, binary = "terraform"): OfflineTerraform {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-tfrc-"));
  const configFile = path.join(dir, "offline.tfrc");
  writeFileSync(configFile, cliConfigText(mirror));
  const env = terraformEnv(configFile);
  return {
    mirror,
    configFile,
    run(args, cwd) {
      const started = process.hrtime.bigint();
      return new Promise((resolve) => {
        const child = spawn(binary, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
        const timer = setTimeout(() => child.kill("SIGKILL"), 300_000);
        const done = (code: number, extra = ""): void => {
          clearTimeout(timer);
          resolve({ args, code, stdout, stderr: stderr + extra, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
        };
        child.on("error", (error) => done(127, String(error)));
        child.on("close", (code) => done(code ?? 1));
      });
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether `binary` starts (`terraform version`, with an empty CLI config so no warning is printed). */
export function terraformStarts(binary = "terraform"): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), "stackc-tfrc-"));
  try {
    const configFile = path.join(dir, "empty.tfrc");
    writeFileSync(configFile, "disable_checkpoint = true\n");
    const result = spawnSync(binary, ["version"], { env: terraformEnv(configFile), stdio: "ignore", timeout: 30_000 });
    return result.error === undefined && result.status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Terraform with the offline mirror, or the reason the tests that need it are skipped
 * (`terraform not installed` or `no aws provider mirror: <reason>`), for `unless(test, reason)`.
 */
export function offlineTerraform(): { tf: OfflineTerraform; reason?: undefined } | { tf?: undefined; reason: string } {
  if (!terraformStarts()) return { reason: "terraform not installed" };
  const mirror = findPluginMirror();
  if (!mirror.found) return { reason: `no aws provider mirror: ${mirror.reason}` };
  return { tf: createOfflineTerraform(mirror.dir) };
}
