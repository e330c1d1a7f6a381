// The pinned conftest (https://www.conftest.dev), installed with `go install` into
// .tools/bin/conftest (git-ignored); scripts/test.mjs calls ensure() before the tests run.
//
// Used to run stackc's own Rego catalog through a second, independent engine: `npm run bench`
// times `conftest test` over the policy inputs `stackc check --dump-policy-input` exports, and
// a test checks that conftest finds exactly what stackc's wasm evaluation finds on them.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const name = "conftest";

/** The pinned release (the newest tag when pinned); bump it here only. */
export const CONFTEST_VERSION = "v0.71.1";
export const CONFTEST_MODULE = "github.com/open-policy-agent/conftest";

export function conftestPath() {
  return path.join(root, ".tools", "bin", process.platform === "win32" ? "conftest.exe" : "conftest");
}

// A `go install` build reports "Conftest: dev" (release builds stamp the version through
// -ldflags), so the installed version is recorded beside the binary instead.
const stampPath = (bin) => `${bin}.version`;

/** The installed version ("0.71.1"), or undefined when it is missing, unstamped or does not run. */
export async function installedVersion(bin = conftestPath()) {
  if (!existsSync(bin) || !existsSync(stampPath(bin))) return undefined;
  try {
    const { stdout } = await run(bin, ["--version"], { timeout: 30_000 });
    if (!/^Conftest:/m.test(stdout)) return undefined;
    return readFileSync(stampPath(bin), "utf8").trim();
  } catch {
    return undefined;
  }
}

/** Install the pinned conftest into `bin` (default .tools/bin/conftest) unless it is there; returns its path. */
export async function ensure({ log = () => {}, bin = conftestPath() } = {}) {
  const want = CONFTEST_VERSION.replace(/^v/, "");
  const have = await installedVersion(bin);
  if (have === want) return bin;
  log(have ? `conftest ${have} found, installing ${CONFTEST_VERSION}` : `installing conftest ${CONFTEST_VERSION} into ${path.relative(root, bin)}`);
  let go;
  try {
    go = (await run("go", ["version"], { timeout: 30_000 })).stdout.trim();
  } catch (err) {
    throw new Error(
      `Go is required to install the pinned conftest ${CONFTEST_VERSION} (go install ${CONFTEST_MODULE}@${CONFTEST_VERSION}), ` +
        `but running \`go version\` failed: ${err instanceof Error ? err.message : String(err)}. Install Go and make sure \`go\` is on PATH.`,
    );
  }
  const started = Date.now();
  mkdirSync(path.dirname(bin), { recursive: true });
  try {
    await run("go", ["install", "-trimpath", "-ldflags=-s -w", `${CONFTEST_MODULE}@${CONFTEST_VERSION}`], {
      cwd: root,
      env: { ...process.env, GOBIN: path.dirname(bin), CGO_ENABLED: "0", GOFLAGS: "" },
      timeout: 30 * 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const stderr = /** @type {{stderr?: string}} */ (err).stderr ?? "";
    throw new Error(`go install ${CONFTEST_MODULE}@${CONFTEST_VERSION} failed (${go}):\n${stderr || String(err)}`);
  }
  writeFileSync(stampPath(bin), `${want}\n`);
  const got = await installedVersion(bin);
  if (got !== want) throw new Error(`installed ${bin} but \`conftest --version\` reports ${got ?? "nothing"}, expected ${want}`);
  log(`conftest ${got} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return bin;
}

// `node scripts/tools/conftest.mjs` installs (or confirms) the pinned conftest and prints its path.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensure({ log: (line) => console.error(`[tools] ${line}`) })
    .then((bin) => console.log(bin))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
