// Compiles policies/ into the committed wasm bundle (policies/bundle/), so that
// `npm ci && stackc check` works without Go or opa. Run it after editing any .rego:
//
//   node scripts/policy/build.mjs           rebuild policies/bundle/
//   node scripts/policy/build.mjs --check   rebuild into a temp dir and fail if the committed
//                                           bundle differs (CI staleness check)
//
// Steps: install the pinned opa; regenerate policies/capabilities.json; `opa fmt --list --fail`;
// `opa check --strict` and `opa test` against the capabilities; `opa build -t wasm -O=0`; then
// extract /policy.wasm and /.manifest, write rules.json (METADATA catalog) and inputs.sha256.
// Every output is a pure function of the inputs: building twice gives identical bytes.
import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { OPA_VERSION, ensure as ensureOpa } from "../tools/opa.mjs";
import { writeCapabilities } from "./capabilities.mjs";
import { BUNDLE_DIR, CAPABILITIES, inputsDigest, regoFiles } from "./inputs.mjs";
import { buildCatalog, serializeCatalog } from "./metadata.mjs";
// the compiled stackc reads user bundles with the same code (npm ci / npm test build dist/ first)
import { readTarGz } from "../../dist/compiler/policy/engine/tar.js";

const execFileP = promisify(execFile);
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Entrypoints of the bundle, in id order: stackc evaluates findings; deny/warn serve conftest-style use. */
export const ENTRYPOINTS = ["stackc/main/findings", "stackc/main/deny", "stackc/main/warn"];
/** The files a build writes into the bundle folder. */
export const BUNDLE_FILES = [".manifest", "inputs.sha256", "policy.wasm", "rules.json"];

async function opaRun(opa, args, what) {
  try {
    return await execFileP(opa, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const e = /** @type {{stdout?: string, stderr?: string}} */ (err);
    throw new Error(`${what} failed:\n${[e.stdout, e.stderr].filter(Boolean).join("\n").trim() || String(err)}`);
  }
}

/**
 * Build the bundle into outDir (default policies/bundle). Returns the written files and the
 * time each step took (ms).
 */
export async function buildPolicies({ outDir = path.join(root, BUNDLE_DIR), log = () => {}, capabilities = true } = {}) {
  const timings = {};
  const step = async (name, fn) => {
    const t = performance.now();
    const r = await fn();
    timings[name] = Math.round(performance.now() - t);
    return r;
  };
  const opa = await step("ensure opa", () => ensureOpa({ log }));
  if (capabilities) await step("capabilities", () => writeCapabilities({ opa }));
  const { sources, tests } = regoFiles(root);
  const all = [...sources, ...tests].sort();
  if (!sources.includes("policies/main.rego")) throw new Error("policies/main.rego (package stackc.main) is missing");

  await step("opa fmt", async () => {
    try {
      await execFileP(opa, ["fmt", "--list", "--fail", ...all], { cwd: root });
    } catch (err) {
      const listed = /** @type {{stdout?: string}} */ (err).stdout?.trim();
      throw new Error(`not formatted with opa fmt (run: .tools/bin/opa fmt -w policies/):\n${listed || String(err)}`);
    }
  });
  await step("opa check", () => opaRun(opa, ["check", "--strict", "--capabilities", CAPABILITIES, ...all], "opa check --strict"));
  await step("opa test", () => opaRun(opa, ["test", "--capabilities", CAPABILITIES, ...all], "opa test"));

  const tmp = mkdtempSync(path.join(os.tmpdir(), "stackc-policy-build-"));
  try {
    const tarball = path.join(tmp, "bundle.tar.gz");
    // Explicit file list, relative to the repository root: no data files (capabilities.json,
    // rules.json) get picked up as data, no tests are compiled, and the source paths embedded in
    // the wasm (used in error messages) do not depend on where the repository is checked out.
    const args = ["build", "-t", "wasm", "-O=0", "--capabilities", CAPABILITIES];
    for (const e of ENTRYPOINTS) args.push("-e", e);
    args.push("-o", tarball, ...sources);
    await step("opa build", () => opaRun(opa, args, "opa build -t wasm"));

    const entries = readTarGz(readFileSync(tarball), ["/policy.wasm", "/.manifest"]);
    const manifest = JSON.parse(entries.get("/.manifest").toString("utf8"));
    const built = (manifest.wasm ?? []).map((w) => w.entrypoint);
    if (JSON.stringify(built) !== JSON.stringify(ENTRYPOINTS)) {
      throw new Error(`bundle entrypoints ${JSON.stringify(built)}, expected ${JSON.stringify(ENTRYPOINTS)}`);
    }
    const files = {
      ".manifest": entries.get("/.manifest"),
      "policy.wasm": entries.get("/policy.wasm"),
      "rules.json": Buffer.from(serializeCatalog(buildCatalog(root, sources))),
      "inputs.sha256": Buffer.from(inputsDigest(root, OPA_VERSION)),
    };
    mkdirSync(outDir, { recursive: true });
    for (const [name, bytes] of Object.entries(files)) {
      // write-then-rename: a crash never leaves a half-written policy.wasm behind
      const target = path.join(outDir, name);
      writeFileSync(`${target}.tmp`, bytes);
      renameSync(`${target}.tmp`, target);
    }
    log(`policy bundle: ${files["policy.wasm"].length} bytes wasm, ${JSON.parse(files["rules.json"].toString()).length} rules`);
    return { outDir, files: Object.keys(files).sort(), timings };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Rebuild into a temp dir and compare with the committed bundle byte for byte. Returns the names
 * of the files that differ (empty when the bundle is up to date). Does not touch capabilities.json
 * unless asked, so it checks what is committed.
 */
export async function checkBundle({ log = () => {}, capabilities = false } = {}) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "stackc-policy-check-"));
  try {
    await buildPolicies({ outDir: tmp, log, capabilities });
    return BUNDLE_FILES.filter((name) => {
      const committed = path.join(root, BUNDLE_DIR, name);
      return !existsSync(committed) || !readFileSync(committed).equals(readFileSync(path.join(tmp, name)));
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const log = (line) => console.error(`[policy] ${line}`);
  const check = process.argv.includes("--check");
  (check ? checkBundle({ log }) : buildPolicies({ log }))
    .then((result) => {
      if (check) {
        if (result.length > 0) {
          console.error(`policies/bundle is stale (${result.join(", ")} differ): run node scripts/policy/build.mjs`);
          process.exit(1);
        }
        console.error("policies/bundle is up to date");
      } else {
        console.error(`[policy] wrote ${path.relative(root, result.outDir)}/{${result.files.join(",")}} ${JSON.stringify(result.timings)}`);
      }
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    });
}
