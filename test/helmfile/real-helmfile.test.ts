// The real helmfile (v1.8.0, with the helm v4.3.0 it requires, both built from the Go module
// proxy by scripts/tools/helmfile.mjs) accepts every example stack's helmfile: `helmfile build`
// loads and renders the state (strict decoding: a misspelt key is an error) and `helmfile list`
// lists exactly the releases stackc wrote. Offline: no repository is added or refreshed
// (`--skip-deps` where a command would, and `build`/`list` never download charts of
// `repo/chart` releases). And what a release's apiVersions change, shown with helm itself:
// prod's traefik entry, pointed at a local probe chart whose templates test Capabilities the
// way traefik's do, renders with `helmfile template` and fails without its apiVersions.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse, parseAllDocuments, stringify } from "yaml";
import { importScript } from "../helpers/opa.js";
import { repoPath } from "../helpers/repo.js";

interface HelmfileTool {
  HELMFILE_VERSION: string;
  HELM_VERSION: string;
  ensure(options?: { log?: (line: string) => void }): Promise<{ helmfile: string; helm: string }>;
  toolEnv(home: string): NodeJS.ProcessEnv;
}

const tool = await importScript<HelmfileTool>("scripts/tools/helmfile.mjs");
const bins = await tool.ensure();
const home = mkdtempSync(path.join(tmpdir(), "stackc-helmfile-"));
const env = tool.toolEnv(home);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function helmfile(args: string[], cwd = home): Run {
  const r = spawnSync(bins.helmfile, ["--helm-binary", bins.helm, "--no-color", ...args], { cwd, env, encoding: "utf8", timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout ?? "", stderr: `${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}

interface Release {
  name: string;
  namespace: string;
  chart: string;
  version: string;
  installed?: boolean;
  labels: { tier: string };
  needs?: string[];
  apiVersions?: string[];
  values?: string[];
}

const outDir = repoPath("out");
const stacks = readdirSync(outDir)
  .filter((s) => existsSync(path.join(outDir, s, "helmfile", "helmfile.yaml")))
  .sort();
const fileOf = (stack: string) => path.join(outDir, stack, "helmfile", "helmfile.yaml");
const releasesOf = (stack: string) => (parse(readFileSync(fileOf(stack), "utf8")) as { releases: Release[] }).releases;

test("the tools are the pinned ones", () => {
  assert.is(tool.HELMFILE_VERSION, "v1.8.0");
  assert.is(tool.HELM_VERSION, "v4.3.0");
  const helm = spawnSync(bins.helm, ["version", "--short"], { env, encoding: "utf8" });
  assert.is(helm.status, 0, helm.stderr);
  assert.match(helm.stdout, /^v4\./);
});

test("every example cluster stack has a helmfile to check (networks have none)", () => {
  const clusters = readdirSync(outDir)
    .filter((s) => existsSync(path.join(outDir, s, "kops")))
    .sort();
  assert.equal(stacks, clusters);
  assert.ok(stacks.includes("prod-eu-west-1") && stacks.length >= 5, stacks.join(", "));
});

for (const stack of stacks) {
  test(`helmfile build accepts ${stack}'s helmfile and renders the releases stackc wrote, apiVersions included`, () => {
    const r = helmfile(["--file", fileOf(stack), "build"]);
    assert.is(r.status, 0, r.stderr);
    const rendered = parseAllDocuments(r.stdout)
      .map((d) => d.toJS() as { releases?: Release[] } | null)
      .flatMap((d) => d?.releases ?? []);
    const written = releasesOf(stack);
    const context = (parse(readFileSync(fileOf(stack), "utf8")) as { helmDefaults: { kubeContext: string } }).helmDefaults.kubeContext;
    assert.equal(
      rendered.map((x) => `${x.namespace}/${x.name} ${x.chart} ${x.version}`),
      written.map((x) => `${x.namespace}/${x.name} ${x.chart} ${x.version}`),
    );
    for (const w of written) {
      const got = rendered.find((x) => x.name === w.name && x.namespace === w.namespace)!;
      assert.equal(got.apiVersions ?? [], w.apiVersions ?? [], `${stack}: ${w.name} apiVersions`);
      // helmfile resolves every need to KUBECONTEXT/NAMESPACE/NAME with helmDefaults.kubeContext
      assert.equal(got.needs ?? [], (w.needs ?? []).map((n) => `${context}/${n}`), `${stack}: ${w.name} needs`);
    }
  });

  test(`helmfile list lists exactly ${stack}'s releases`, () => {
    const r = helmfile(["--file", fileOf(stack), "list", "--output", "json"]);
    assert.is(r.status, 0, r.stderr);
    const listed = JSON.parse(r.stdout) as { name: string; namespace: string; installed: boolean; chart: string; version: string; labels: string }[];
    const written = releasesOf(stack);
    assert.equal(
      listed.map((x) => `${x.namespace}/${x.name} ${x.chart} ${x.version} installed=${x.installed}`).sort(),
      written.map((x) => `${x.namespace}/${x.name} ${x.chart} ${x.version} installed=${x.installed !== false}`).sort(),
    );
    for (const x of listed) assert.match(x.labels, /tier:(foundation|gateway|platform|app|backup)/);
  });
}

test("helmfile decodes strictly, as stackc's closed schema assumes: a misspelt release key is refused", () => {
  const dir = mkdtempSync(path.join(home, "typo-"));
  const doc = parse(readFileSync(fileOf("prod-eu-west-1"), "utf8")) as { releases: Record<string, unknown>[] };
  doc.releases[0]!["apiVersion"] = ["policy/v1"]; // apiVersions, misspelt
  writeFileSync(path.join(dir, "helmfile.yaml"), stringify(doc));
  const r = helmfile(["--file", path.join(dir, "helmfile.yaml"), "build"]);
  assert.is.not(r.status, 0);
  assert.match(r.stderr, /apiVersion/);
});

/** prod's traefik release, its chart replaced by the local probe chart, its values prod's. */
function probeHelmfile(withApiVersions: boolean): string {
  const dir = mkdtempSync(path.join(home, "probe-"));
  cpSync(repoPath("test", "fixtures", "helmfile", "capabilities-probe"), path.join(dir, "capabilities-probe"), { recursive: true });
  cpSync(path.join(outDir, "prod-eu-west-1", "helmfile", "values"), path.join(dir, "values"), { recursive: true });
  const doc = parse(readFileSync(fileOf("prod-eu-west-1"), "utf8")) as { helmDefaults: Record<string, unknown>; releases: Release[] };
  const traefik = doc.releases.find((r) => r.name === "traefik")!;
  assert.equal(traefik.apiVersions, ["monitoring.coreos.com/v1", "policy/v1/PodDisruptionBudget"]);
  const release: Record<string, unknown> = { ...traefik, chart: "./capabilities-probe", version: "1.0.0" };
  delete release["needs"]; // the other releases are not in this file
  if (!withApiVersions) delete release["apiVersions"];
  writeFileSync(path.join(dir, "helmfile.yaml"), stringify({ helmDefaults: doc.helmDefaults, releases: [release] }));
  return path.join(dir, "helmfile.yaml");
}

test("helmfile template with prod's traefik apiVersions renders the ServiceMonitor and a policy/v1 PodDisruptionBudget", () => {
  const r = helmfile(["--file", probeHelmfile(true), "template", "--skip-deps"]);
  assert.is(r.status, 0, r.stderr);
  const docs = parseAllDocuments(r.stdout).map((d) => d.toJS() as { apiVersion?: string; kind?: string } | null).filter((d) => d?.kind);
  assert.equal(docs.map((d) => `${d!.apiVersion} ${d!.kind}`).sort(), ["monitoring.coreos.com/v1 ServiceMonitor", "policy/v1 PodDisruptionBudget"]);
});

test("without them the same release fails to render: what the first diff of `helmfile apply` hits on a fresh cluster", () => {
  const r = helmfile(["--file", probeHelmfile(false), "template", "--skip-deps"]);
  assert.is.not(r.status, 0);
  assert.match(r.stderr, "monitoring.coreos.com/v1 is not served, so the ServiceMonitor cannot be rendered");
});

test.after(() => rmSync(home, { recursive: true, force: true }));

test.run();
