// The pinned checkov (the Terraform scanner security teams run), installed from PyPI into a
// git-ignored virtualenv .tools/checkov-venv with every dependency pinned by
// scripts/tools/checkov-constraints.txt. scripts/test.mjs calls ensure() before the tests, so a
// fresh machine needs nothing but python3 (with venv) and the package registry; afterwards
// ensure() compares a stamp (version, constraints, python) and asks the binary its version,
// so it is instant. test/scanners/checkov.test.ts scans every example stack's Terraform with it.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const name = "checkov";

/** The pinned release. Bump it here and regenerate checkov-constraints.txt (pip freeze). */
export const CHECKOV_VERSION = "3.3.30";

export const constraintsFile = path.join(root, "scripts", "tools", "checkov-constraints.txt");

export function venvDir() {
  return path.join(root, ".tools", "checkov-venv");
}

export function checkovPath(venv = venvDir()) {
  return process.platform === "win32" ? path.join(venv, "Scripts", "checkov.cmd") : path.join(venv, "bin", "checkov");
}

function stampPath(venv) {
  return path.join(venv, "stackc-stamp");
}

async function python() {
  for (const bin of ["python3", "python"]) {
    try {
      const { stdout } = await run(bin, ["-c", "import sys, venv; print(sys.version.split()[0])"], { timeout: 30_000 });
      return { bin, version: stdout.trim() };
    } catch {
      // try the next name
    }
  }
  throw new Error(
    `Python 3 with the venv module is required to install checkov ${CHECKOV_VERSION} from PyPI, but neither python3 nor python ` +
      `could import venv. Install Python >= 3.9 (on Debian: apt-get install python3 python3-venv).`,
  );
}

function stamp(pythonVersion) {
  const h = createHash("sha256");
  h.update(`${CHECKOV_VERSION}\0${pythonVersion}\0${process.platform}/${process.arch}\0`);
  h.update(readFileSync(constraintsFile));
  return h.digest("hex");
}

/** The version the installed binary reports, or undefined when it is missing or broken. */
export async function installedVersion(venv = venvDir()) {
  const bin = checkovPath(venv);
  if (!existsSync(bin)) return undefined;
  try {
    const { stdout } = await run(bin, ["--version"], { timeout: 120_000 });
    return stdout.trim().split(/\s+/).pop();
  } catch {
    return undefined;
  }
}

/** Install the pinned checkov into .tools/checkov-venv unless it is already there; returns the binary's path. */
export async function ensure({ log = () => {}, venv = venvDir() } = {}) {
  const py = await python();
  const want = stamp(py.version);
  const upToDate = existsSync(stampPath(venv)) && readFileSync(stampPath(venv), "utf8").trim() === want;
  if (upToDate && (await installedVersion(venv)) === CHECKOV_VERSION) return checkovPath(venv);
  log(`installing checkov ${CHECKOV_VERSION} (Python ${py.version}) into ${path.relative(root, venv)}`);
  const started = Date.now();
  // a new virtualenv each time: a half-installed or older one is never patched over
  rmSync(venv, { recursive: true, force: true });
  try {
    await run(py.bin, ["-m", "venv", venv], { timeout: 5 * 60_000 });
    const pip = process.platform === "win32" ? path.join(venv, "Scripts", "pip.exe") : path.join(venv, "bin", "pip");
    await run(pip, ["install", "--disable-pip-version-check", "--no-input", "--quiet", "-c", constraintsFile, `checkov==${CHECKOV_VERSION}`], {
      timeout: 20 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, PIP_NO_INPUT: "1" },
    });
  } catch (err) {
    const stderr = /** @type {{stderr?: string}} */ (err).stderr ?? "";
    rmSync(venv, { recursive: true, force: true });
    throw new Error(`installing checkov ${CHECKOV_VERSION} from PyPI failed:\n${stderr || String(err)}`);
  }
  const got = await installedVersion(venv);
  if (got !== CHECKOV_VERSION) throw new Error(`installed checkov but \`checkov --version\` reports ${got ?? "nothing"}, expected ${CHECKOV_VERSION}`);
  writeFileSync(stampPath(venv), `${want}\n`);
  log(`checkov ${got} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return checkovPath(venv);
}

// `node scripts/tools/checkov.mjs` installs (or confirms) the pinned checkov and prints its path.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensure({ log: (line) => console.error(`[tools] ${line}`) })
    .then((bin) => console.log(bin))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
