// Editors show no false errors: the real yaml-language-server (pinned devDependency), driven over
// LSP, validates every example manifest against the schema its modeline names — the overlay
// schema for stacks with `extends` and for bases — and reports nothing; a planted typo is
// reported where it is. The modelines are relative paths, so nothing is fetched (the schema
// store is off too). The starting manifest of `stackc init` is checked the same way.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { init } from "../../compiler/index.js";
import { LspClient, type LspDiagnostic } from "../helpers/lsp.js";
import { repoPath, repoRoot } from "../helpers/repo.js";

const TIMEOUT = 30_000;
const yamlSettings = { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false }, schemas: {} };
const client = new LspClient(process.execPath, [repoPath("node_modules", "yaml-language-server", "bin", "yaml-language-server"), "--stdio"], { yaml: yamlSettings }, repoRoot);
let version = 0;

async function start(): Promise<void> {
  await client.request("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(repoRoot).href,
    workspaceFolders: [{ uri: pathToFileURL(repoRoot).href, name: "stackc" }],
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } }, textDocument: { publishDiagnostics: {} } },
  });
  client.notify("initialized", {});
  client.notify("workspace/didChangeConfiguration", { settings: { yaml: yamlSettings } });
}

/** Opens `text` as the document at `file` (which need not exist) and returns what the server publishes. */
async function diagnose(file: string, text: string): Promise<LspDiagnostic[]> {
  const uri = pathToFileURL(file).href;
  const seen = client.publications(uri);
  client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: ++version, text } });
  const published = await client.diagnosticsFor(uri, seen + 1, TIMEOUT);
  client.notify("textDocument/didClose", { textDocument: { uri } });
  return published;
}

const show = (ds: readonly LspDiagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);

function examples(dir = repoPath("stacks")): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? examples(path.join(dir, e.name)) : e.name.endsWith(".yaml") ? [path.join(dir, e.name)] : []))
    .sort();
}

test.before(start);
test.after(() => client.close());

test("every example manifest: zero diagnostics from yaml-language-server", async () => {
  const files = examples();
  assert.ok(files.length >= 7, `${files.length} examples`);
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    // network manifests (kind: Network) name the network schema
    assert.match(text.split("\n")[0]!, /^# yaml-language-server: \$schema=(\.\.\/)+schema\/(stack(-overlay)?|network)\.schema\.json$/, file);
    assert.equal(show(await diagnose(file, text)), [], path.relative(repoRoot, file));
  }
});

test("a typo in an overlay is reported where it is", async () => {
  const file = repoPath("stacks", "prod.yaml");
  const text = readFileSync(file, "utf8").replace("    kubernetesVersion: 1.35.5\n", "    kubernetesVersio: 1.35.5\n");
  const line = text.split("\n").findIndex((l) => l.includes("kubernetesVersio:")) + 1;
  const found = show(await diagnose(repoPath("stacks", "prod-typo.yaml"), text));
  assert.equal(found, [`${line}:5 Property kubernetesVersio is not allowed.`]);
});

test("a typo in a base, and a wrong type in an overlay, are reported; null removing a key is not", async () => {
  const base = readFileSync(repoPath("stacks", "base.yaml"), "utf8").replace("    cost-center: cc-4711\n", "    cost-center: cc-4711\n  netwrk: {}\n");
  const baseFound = show(await diagnose(repoPath("stacks", "base-typo.yaml"), base));
  assert.equal(baseFound.length, 1, baseFound.join("\n"));
  assert.match(baseFound[0]!, /Property netwrk is not allowed/);

  const dev = readFileSync(repoPath("stacks", "dev.yaml"), "utf8");
  assert.match(dev, /: null\b/, "dev.yaml removes an inherited key with null");
  const wrongType = dev.replace(/^(\s+)retentionDays: \d+$/m, "$1retentionDays: seven");
  assert.not.equal(wrongType, dev);
  const typeFound = show(await diagnose(repoPath("stacks", "dev-type.yaml"), wrongType));
  assert.equal(typeFound, [`${wrongType.split("\n").findIndex((l) => l.includes("retentionDays: seven")) + 1}:22 Incorrect type. Expected one of integer, null.`]);
});

test("the manifest `stackc init` writes names a schema that resolves offline, and validates clean", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stackc-init-"));
  const { text, written } = await init("cluster/stack.yaml", { cwd: dir, name: "dev-eu-west-1", environment: "dev", region: "eu-west-1" });
  assert.is(written, "cluster/stack.yaml");
  const modeline = text.split("\n")[0]!;
  const ref = /^# yaml-language-server: \$schema=(.+)$/.exec(modeline)?.[1];
  assert.ok(ref && !/^https?:/.test(ref), modeline);
  assert.is(path.resolve(dir, "cluster", ref), repoPath("schema", "stack.schema.json"));
  assert.equal(show(await diagnose(path.join(dir, "cluster", "stack.yaml"), text)), []);
});

test.run();
