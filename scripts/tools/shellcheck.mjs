// shellcheck (https://www.shellcheck.net), from the distribution's packages: the suite runs it on
// every generated script (out/<stack>/bin/up and bin/down). scripts/test.mjs calls ensure() before
// the tests run; a machine without it gets it installed here (Debian/Ubuntu: apt-get, as root or
// through passwordless sudo; the package lists are fetched first when they are missing), and
// anything else is a failure that says what to install — never a silent skip.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";

const run = promisify(execFile);

export const name = "shellcheck";

/** The oldest release whose checks the generated scripts are held to (Debian 12 ships 0.9.0). */
export const SHELLCHECK_MIN = [0, 8, 0];

/** The version `shellcheck --version` reports ("0.9.0"), or undefined when it is not on PATH or does not run. */
export async function installedVersion(bin = "shellcheck") {
  try {
    const { stdout } = await run(bin, ["--version"], { timeout: 30_000 });
    return /^version:\s*(\S+)/m.exec(stdout)?.[1];
  } catch {
    return undefined;
  }
}

function atLeast(version, min) {
  const parts = version.split(".").map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < min.length; i++) {
    const have = parts[i] ?? 0;
    if (have !== min[i]) return have > min[i];
  }
  return true;
}

async function hasCommand(command) {
  try {
    await run("sh", ["-c", `command -v ${command}`], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** How apt-get is run: directly as root, through `sudo -n` otherwise, or not at all. */
async function aptRunner() {
  if (!(await hasCommand("apt-get"))) return undefined;
  if (process.getuid?.() === 0) return (args) => run("apt-get", args, aptOptions);
  if (await hasCommand("sudo")) {
    try {
      await run("sudo", ["-n", "true"], { timeout: 10_000 });
      return (args) => run("sudo", ["-n", "apt-get", ...args], aptOptions);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const aptOptions = { timeout: 15 * 60_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } };

const HOW =
  "Install shellcheck from your distribution's packages (Debian/Ubuntu: sudo apt-get install -y shellcheck; " +
  "Fedora: sudo dnf install ShellCheck; macOS: brew install shellcheck) and make sure it is on PATH.";

/** shellcheck on PATH (installing it with apt-get when it is missing); returns the command to run. */
export async function ensure({ log = () => {} } = {}) {
  const have = await installedVersion();
  if (have !== undefined) {
    if (!atLeast(have, SHELLCHECK_MIN)) throw new Error(`shellcheck ${have} is older than ${SHELLCHECK_MIN.join(".")}. ${HOW}`);
    return "shellcheck";
  }
  const apt = await aptRunner();
  if (!apt) throw new Error(`shellcheck is not on PATH, and apt-get cannot install it here (not Debian/Ubuntu, or neither root nor passwordless sudo). ${HOW}`);
  log("installing shellcheck with apt-get (the distribution's package)");
  const started = Date.now();
  const install = () => apt(["install", "-y", "--no-install-recommends", "shellcheck"]);
  try {
    await install();
  } catch (first) {
    // a fresh container has no package lists: fetch them, then try once more
    log("apt-get install failed; running apt-get update first");
    try {
      await apt(["update"]);
      await install();
    } catch (err) {
      const stderr = /** @type {{stderr?: string}} */ (err).stderr || /** @type {{stderr?: string}} */ (first).stderr || String(err);
      throw new Error(`apt-get install shellcheck failed:\n${stderr.trim()}\n${HOW}`);
    }
  }
  const got = await installedVersion();
  if (got === undefined) throw new Error(`apt-get installed shellcheck, but \`shellcheck --version\` does not run. ${HOW}`);
  log(`shellcheck ${got} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return "shellcheck";
}

// `node scripts/tools/shellcheck.mjs` installs (or confirms) shellcheck and prints the command.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensure({ log: (line) => console.error(`[tools] ${line}`) })
    .then((bin) => console.log(bin))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
