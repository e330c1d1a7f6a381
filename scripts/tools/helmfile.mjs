// The pinned helmfile (https://helmfile.readthedocs.io) and the helm it drives, built from the Go
// module proxy into .tools/bin/helmfile and .tools/bin/helm (git-ignored); scripts/test.mjs calls
// ensure() before the tests run, and test/helmfile/real-helmfile.test.ts runs both on every
// example stack's helmfile.
//
// `go install github.com/helmfile/helmfile@v1.8.0` refuses the module: its go.mod has `replace`
// directives (k8s.io/api, apimachinery, client-go), which only a main module may have. So the
// module is downloaded (`go mod download -json`), copied out of the read-only module cache into a
// temporary folder, and built there as the main module, where its replace directives apply:
// plain `go build -o <bin> .` with GOFLAGS=-mod=mod, nothing else, so a warm Go build cache of the
// same build is reused.
//
// helm: every helmfile command runs `helm version` first, so helmfile needs one even for `build`
// and `list`. helm v4.3.0 is the Helm 4 release helmfile v1.8.0 both requires as a library
// (go.mod: helm.sh/helm/v4 v4.3.0) and recommends (pkg/app/init.go HelmRecommendedVersion). It is
// built from that same module version's cmd/helm, inside the copied helmfile module, so it uses
// exactly the dependency set helmfile runs helm's code with, and the build cache of the helmfile
// build serves nearly all of it. Without release ldflags both binaries report no version of
// their own, so the version is stamped beside each binary (as scripts/tools/conftest.mjs does).
import { execFile } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const name = "helmfile";

/** The pinned helmfile release (the newest v1 tag when pinned); bump it here only. */
export const HELMFILE_VERSION = "v1.8.0";
export const HELMFILE_MODULE = "github.com/helmfile/helmfile";
/** The helm helmfile v1.8.0's go.mod requires (and its init command recommends). */
export const HELM_VERSION = "v4.3.0";
export const HELM_MODULE = "helm.sh/helm/v4";

const exe = (n) => (process.platform === "win32" ? `${n}.exe` : n);
export function helmfilePath() {
  return path.join(root, ".tools", "bin", exe("helmfile"));
}
export function helmPath() {
  return path.join(root, ".tools", "bin", exe("helm"));
}
const stampPath = (bin) => `${bin}.version`;

/** The environment both tools run in: no upgrade notice (a network call), no user config. */
export function toolEnv(home) {
  return {
    ...process.env,
    HELMFILE_UPGRADE_NOTICE_DISABLED: "1",
    HELM_CONFIG_HOME: path.join(home, "config"),
    HELM_CACHE_HOME: path.join(home, "cache"),
    HELM_DATA_HOME: path.join(home, "data"),
    KUBECONFIG: path.join(home, "kubeconfig"),
    HOME: home,
  };
}

/** The stamped version when the binary exists and answers `version`, else undefined. */
async function installed(bin, args) {
  if (!existsSync(bin) || !existsSync(stampPath(bin))) return undefined;
  const home = mkdtempSync(path.join(os.tmpdir(), "stackc-helmfile-probe-"));
  try {
    await run(bin, args, { timeout: 60_000, env: toolEnv(home) });
    return readFileSync(stampPath(bin), "utf8").trim();
  } catch {
    return undefined;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

export const installedHelmfile = (bin = helmfilePath()) => installed(bin, ["version", "--output", "short"]);
export const installedHelm = (bin = helmPath()) => installed(bin, ["version", "--short"]);

function makeWritable(dir) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const st = statSync(full);
    chmodSync(full, st.mode | 0o200);
    if (st.isDirectory()) makeWritable(full);
  }
}

async function go(args, options) {
  try {
    return await run("go", args, { timeout: 45 * 60_000, maxBuffer: 64 * 1024 * 1024, ...options });
  } catch (err) {
    const stderr = /** @type {{stderr?: string}} */ (err).stderr ?? "";
    throw new Error(`go ${args.join(" ")} failed:\n${stderr || String(err)}`);
  }
}

/** Build the pinned helmfile and helm into .tools/bin unless they are there; returns both paths. */
export async function ensure({ log = () => {}, helmfileBin = helmfilePath(), helmBin = helmPath() } = {}) {
  const wantHelmfile = HELMFILE_VERSION.replace(/^v/, "");
  const wantHelm = HELM_VERSION.replace(/^v/, "");
  if ((await installedHelmfile(helmfileBin)) === wantHelmfile && (await installedHelm(helmBin)) === wantHelm) return { helmfile: helmfileBin, helm: helmBin };

  let goVersion;
  try {
    goVersion = (await run("go", ["version"], { timeout: 30_000 })).stdout.trim();
  } catch (err) {
    throw new Error(
      `Go is required to build the pinned helmfile ${HELMFILE_VERSION} and helm ${HELM_VERSION} from the Go module proxy, ` +
        `but running \`go version\` failed: ${err instanceof Error ? err.message : String(err)}. Install Go (>= 1.26.6) and make sure \`go\` is on PATH.`,
    );
  }
  log(`building helmfile ${HELMFILE_VERSION} and helm ${HELM_VERSION} into ${path.relative(root, path.dirname(helmfileBin))} (${goVersion}); the first build takes minutes`);
  const started = Date.now();
  // GOFLAGS=-mod=mod only (the helmfile module may lack go.sum lines for helm's CLI packages)
  const env = { ...process.env, GOFLAGS: "-mod=mod" };
  const { stdout } = await go(["mod", "download", "-json", `${HELMFILE_MODULE}@${HELMFILE_VERSION}`], { cwd: os.tmpdir(), env });
  const moduleDir = JSON.parse(stdout).Dir;
  if (typeof moduleDir !== "string" || !existsSync(path.join(moduleDir, "go.mod"))) throw new Error(`go mod download gave no module folder for ${HELMFILE_MODULE}@${HELMFILE_VERSION}`);
  const goMod = readFileSync(path.join(moduleDir, "go.mod"), "utf8");
  if (!new RegExp(`^\\s*${HELM_MODULE.replace(/\./g, "\\.")} ${HELM_VERSION.replace(/\./g, "\\.")}\\s*$`, "m").test(goMod)) {
    throw new Error(`${HELMFILE_MODULE}@${HELMFILE_VERSION}'s go.mod does not require ${HELM_MODULE} ${HELM_VERSION}: update HELM_VERSION with HELMFILE_VERSION`);
  }

  const work = mkdtempSync(path.join(os.tmpdir(), "stackc-helmfile-build-"));
  try {
    const src = path.join(work, "src");
    cpSync(moduleDir, src, { recursive: true });
    makeWritable(src);
    mkdirSync(path.dirname(helmfileBin), { recursive: true });
    mkdirSync(path.dirname(helmBin), { recursive: true });
    await go(["build", "-o", helmfileBin, "."], { cwd: src, env });
    log(`helmfile built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await go(["build", "-o", helmBin, `${HELM_MODULE}/cmd/helm`], { cwd: src, env });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(stampPath(helmfileBin), `${wantHelmfile}\n`);
  writeFileSync(stampPath(helmBin), `${wantHelm}\n`);
  const gotHelmfile = await installedHelmfile(helmfileBin);
  const gotHelm = await installedHelm(helmBin);
  if (gotHelmfile !== wantHelmfile || gotHelm !== wantHelm) {
    throw new Error(`built ${helmfileBin} and ${helmBin}, but they do not run (\`helmfile version\`, \`helm version\`)`);
  }
  log(`helmfile ${gotHelmfile} and helm ${gotHelm} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { helmfile: helmfileBin, helm: helmBin };
}

// `node scripts/tools/helmfile.mjs` builds (or confirms) both and prints their paths.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensure({ log: (line) => console.error(`[tools] ${line}`) })
    .then((bins) => console.log(`${bins.helmfile}\n${bins.helm}`))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
