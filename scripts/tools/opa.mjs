// The pinned OPA toolchain (opa build -t wasm, opa test, opa check, opa fmt, opa capabilities).
//
// Installed from source with the Go toolchain into .tools/bin/opa (git-ignored), so a fresh machine
// needs nothing but Go; scripts/test.mjs calls ensure() before the tests run. Instant when the
// right version is already there. Only policy authors and CI need this: the compiled bundle in
// policies/bundle/ is committed, so `npm ci && stackc check` works without Go.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const name = "opa";

/**
 * The pinned release (the newest tag when pinned). Bump it here only, then rebuild the bundle:
 * policies/bundle/inputs.sha256 records it, and capabilities.json is regenerated from its source.
 */
export const OPA_VERSION = "v1.22.2";
export const OPA_MODULE = "github.com/open-policy-agent/opa";

export function opaPath() {
  return path.join(root, ".tools", "bin", process.platform === "win32" ? "opa.exe" : "opa");
}

/** The version the installed binary reports ("1.22.2"), or undefined when it is missing or broken. */
export async function installedVersion(bin = opaPath()) {
  if (!existsSync(bin)) return undefined;
  try {
    const { stdout } = await run(bin, ["version"], { timeout: 30_000 });
    return /^Version:\s*(\S+)/m.exec(stdout)?.[1];
  } catch {
    return undefined;
  }
}

async function goVersion() {
  try {
    const { stdout } = await run("go", ["version"], { timeout: 30_000 });
    return stdout.trim();
  } catch (err) {
    throw new Error(
      `Go is required to install the pinned opa ${OPA_VERSION} (go install ${OPA_MODULE}@${OPA_VERSION}), ` +
        `but running \`go version\` failed: ${err instanceof Error ? err.message : String(err)}. ` +
        `Install Go >= 1.25 from https://go.dev/dl/ and make sure \`go\` is on PATH.`,
    );
  }
}

/** Install the pinned opa into `bin` (default .tools/bin/opa) unless it is already there; returns its path. */
export async function ensure({ log = () => {}, bin = opaPath() } = {}) {
  const want = OPA_VERSION.replace(/^v/, "");
  const have = await installedVersion(bin);
  if (have === want) return bin;
  log(have ? `opa ${have} found, installing ${OPA_VERSION}` : `installing opa ${OPA_VERSION} into ${path.relative(root, bin)}`);
  const go = await goVersion();
  const started = Date.now();
  mkdirSync(path.dirname(bin), { recursive: true });
  try {
    await run("go", ["install", "-trimpath", "-ldflags=-s -w", `${OPA_MODULE}@${OPA_VERSION}`], {
      cwd: root,
      // Pure-Go static build, as OPA's own *_static release binaries: `opa build -t wasm` needs no cgo
      // (the C runtime is embedded as a prebuilt opa.wasm). GOFLAGS is cleared so a developer's
      // -mod=vendor or similar cannot leak into a module-mode `go install pkg@version`.
      env: { ...process.env, GOBIN: path.dirname(bin), CGO_ENABLED: "0", GOFLAGS: "" },
      timeout: 30 * 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const stderr = /** @type {{stderr?: string}} */ (err).stderr ?? "";
    throw new Error(`go install ${OPA_MODULE}@${OPA_VERSION} failed (${go}):\n${stderr || String(err)}`);
  }
  const got = await installedVersion(bin);
  if (got !== want) throw new Error(`installed ${bin} but \`opa version\` reports ${got ?? "nothing"}, expected ${want}`);
  log(`opa ${got} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return bin;
}

// `node scripts/tools/opa.mjs` installs (or confirms) the pinned opa and prints its path.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensure({ log: (line) => console.error(`[tools] ${line}`) })
    .then((bin) => console.log(bin))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
