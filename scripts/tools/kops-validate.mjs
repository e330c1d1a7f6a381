// The kops validation harness (test/kops-validate, a small Go program over kops' own validation
// library, pinned to k8s.io/kops v1.36.2) built into .tools/bin/kops-validate (git-ignored).
//
// scripts/test.mjs calls ensure() before the tests, so a fresh machine builds it with nothing but Go.
// The first build takes minutes (kops links the AWS and GCP SDKs); afterwards ensure() only hashes
// the harness sources (go.mod, go.sum, *.go) and compares with the hash stored beside the binary,
// so it is instant and does not even need Go. Any change to those sources triggers a rebuild.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export const name = "kops-validate";

/** The Go module of the harness. */
export const sourceDir = path.join(root, "test", "kops-validate");

/** The kops release the harness is pinned to (go.mod); checked after every build. */
export const KOPS_VERSION = "v1.36.2";

export function kopsValidatePath() {
  return path.join(root, ".tools", "bin", process.platform === "win32" ? "kops-validate.exe" : "kops-validate");
}

function hashPath(bin = kopsValidatePath()) {
  return `${bin}.sha256`;
}

/** sha256 over the harness sources (sorted go.mod, go.sum, *.go; name and bytes) and the target platform. */
export function sourceHash() {
  const files = readdirSync(sourceDir)
    .filter((f) => f === "go.mod" || f === "go.sum" || f.endsWith(".go"))
    .sort();
  if (!files.includes("go.mod") || !files.includes("go.sum")) {
    throw new Error(`${path.relative(root, sourceDir)} must hold go.mod and go.sum (found: ${files.join(", ") || "nothing"})`);
  }
  const h = createHash("sha256");
  h.update(`${process.platform}/${process.arch}\0`);
  for (const f of files) {
    h.update(`${f}\0`);
    h.update(readFileSync(path.join(sourceDir, f)));
    h.update("\0");
  }
  return h.digest("hex");
}

/** True when the binary exists and was built from the current sources. */
export function isUpToDate(bin = kopsValidatePath()) {
  if (!existsSync(bin) || !existsSync(hashPath(bin))) return false;
  return readFileSync(hashPath(bin), "utf8").trim() === sourceHash();
}

async function goVersion() {
  try {
    const { stdout } = await run("go", ["version"], { timeout: 30_000 });
    return stdout.trim();
  } catch (err) {
    throw new Error(
      `Go is required to build the kops validation harness (${path.relative(root, sourceDir)}, k8s.io/kops ${KOPS_VERSION}), ` +
        `but running \`go version\` failed: ${err instanceof Error ? err.message : String(err)}. ` +
        `Install Go >= 1.26.5 from https://go.dev/dl/ and make sure \`go\` is on PATH.`,
    );
  }
}

export async function ensure({ log = () => {} } = {}) {
  const bin = kopsValidatePath();
  const want = sourceHash();
  if (existsSync(bin) && existsSync(hashPath(bin)) && readFileSync(hashPath(bin), "utf8").trim() === want) return bin;
  log(
    existsSync(bin)
      ? `kops-validate sources changed, rebuilding ${path.relative(root, bin)}`
      : `building kops-validate (k8s.io/kops ${KOPS_VERSION}) into ${path.relative(root, bin)}; the first build takes minutes`,
  );
  const go = await goVersion();
  const started = Date.now();
  mkdirSync(path.dirname(bin), { recursive: true });
  // Build beside the target and rename, so an interrupted build never leaves a half-written binary
  // that a later run would take for a good one (the hash is written only after the rename).
  const tmp = `${bin}.tmp-${process.pid}`;
  try {
    await run("go", ["build", "-trimpath", "-ldflags=-s -w", "-o", tmp, "."], {
      cwd: sourceDir,
      // Static pure-Go build. -mod=readonly: the committed go.sum must be complete (no silent edits);
      // GOWORK=off: a go.work above the repo must not change what is built; GOFLAGS is replaced so a
      // developer's -mod=vendor cannot leak in.
      env: { ...process.env, CGO_ENABLED: "0", GOWORK: "off", GOFLAGS: "-buildvcs=false -mod=readonly" },
      timeout: 60 * 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    rmSync(tmp, { force: true });
    const stderr = /** @type {{stderr?: string}} */ (err).stderr ?? "";
    throw new Error(`go build of ${path.relative(root, sourceDir)} failed (${go}):\n${stderr || String(err)}`);
  }
  let reported = "";
  try {
    reported = (await run(tmp, ["-version"], { timeout: 60_000 })).stdout.trim();
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new Error(`built ${tmp} but it does not run: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (reported !== `k8s.io/kops ${KOPS_VERSION}`) {
    rmSync(tmp, { force: true });
    throw new Error(`built kops-validate reports "${reported}", expected "k8s.io/kops ${KOPS_VERSION}" (go.mod out of sync with this script?)`);
  }
  renameSync(tmp, bin);
  writeFileSync(hashPath(bin), `${want}\n`);
  log(`kops-validate (${reported}) built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return bin;
}

// `node scripts/tools/kops-validate.mjs` builds (or confirms) the harness and prints its path.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensure({ log: (line) => console.error(`[tools] ${line}`) })
    .then((bin) => console.log(bin))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
