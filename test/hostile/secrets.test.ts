// STK-SEC-001 through the real pipeline: each kind of plaintext secret in chart and add-on
// values is found at its line and column, masked in every reporter, blocks build (nothing is
// written) and cannot be waived; references pass.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { lineCol, scratch } from "./support.js";

const PEM_BODY = "MIIEowIBAAKCAQEAwhatever0123456789abcdefghij";
const SECRETS = {
  password: "hunter2-plaintext",
  accessKey: "AKIAIOSFODNN7EXAMPLE",
  secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  token: "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
  addon: "grafana-admin-literal",
};

const chart = `  charts:
    - name: app
      repo: https://charts.example.com
      chart: app
      version: 1.2.3
      namespace: apps
      values:
        db:
          password: ${SECRETS.password}
        aws:
          accessKeyId: ${SECRETS.accessKey}
          secretAccessKey: "${SECRETS.secretKey}"
        env: [{ name: GH, value: ${SECRETS.token} }]
        tls:
          key: |
            -----BEGIN PRIVATE KEY-----
            ${PEM_BODY}
            -----END PRIVATE KEY-----
        refs:
          password: ref+awssecrets://prod/db#password
          token: ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:2=,type:str]
          existingSecret: app-db
          data: [{ secretKey: password, remoteRef: { key: prod/db, property: password } }]
`;

function withSecrets(text: string): string {
  return text
    .replace("spec:\n", `spec:\n${chart}`)
    .replace("kubePrometheusStack: { retention: 3d, storageSize: 20Gi }", `kubePrometheusStack: { retention: 3d, storageSize: 20Gi, values: { grafana: { adminPassword: ${SECRETS.addon} } } }`);
}

function expectedLocations(text: string): string[] {
  return [
    `s.yaml:${lineCol(text, SECRETS.password)}`,
    `s.yaml:${lineCol(text, SECRETS.accessKey)}`,
    `s.yaml:${lineCol(text, `"${SECRETS.secretKey}`)}`,
    `s.yaml:${lineCol(text, SECRETS.token)}`,
    `s.yaml:${lineCol(text, "|\n            -----BEGIN")}`,
    `s.yaml:${lineCol(text, SECRETS.addon)}`,
  ].sort();
}

function assertNoSecret(output: string, format: string) {
  for (const [name, value] of Object.entries(SECRETS)) assert.not.ok(output.includes(value), `${format} printed the ${name}`);
  assert.not.ok(output.includes(PEM_BODY), `${format} printed the private key`);
}

test("every kind of secret is found at its location, with no finding for references", async () => {
  const ws = scratch();
  ws.dev("s.yaml", withSecrets);
  const text = readFileSync(path.join(ws.dir, "s.yaml"), "utf8");
  const run = await runCli(["check", "--now", "2026-12-01", "-f", "json", "s.yaml"], { cwd: ws.dir });
  assert.is(run.code, 1, run.stdout);
  const report = JSON.parse(run.stdout) as { diagnostics: Array<{ code: string; severity: string; file: string; range: { start: { line: number; column: number } }; data: { kind: string } }> };
  const found = report.diagnostics.filter((d) => d.code === "STK-SEC-001");
  assert.equal(found.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column}`).sort(), expectedLocations(text));
  assert.ok(found.every((d) => d.severity === "error"));
  assert.equal(found.map((d) => d.data.kind).sort(), ["aws-access-key", "private-key", "secret-key", "secret-key", "secret-key", "token"]);
  assert.not.ok(report.diagnostics.some((d) => d.code !== "STK-SEC-001" && d.severity === "error"), "the secrets are the only errors");
});

test("the secret is masked in every format (text code frames included)", async () => {
  const ws = scratch();
  ws.dev("s.yaml", withSecrets);
  for (const format of ["text", "json", "sarif", "junit", "github"]) {
    const run = await runCli(["check", "--now", "2026-12-01", "-f", format, "s.yaml"], { cwd: ws.dir });
    assert.is(run.code, 1, format);
    assert.match(run.stdout, /STK-SEC-001/);
    assertNoSecret(run.stdout + run.stderr, format);
  }
  const text = await runCli(["check", "--now", "2026-12-01", "s.yaml"], { cwd: ws.dir });
  // the code frame still shows the line, with the value starred out
  assert.match(text.stdout, /password: \*{17}\n/);
});

test("a build with a secret writes nothing, and diff does not print it", async () => {
  const ws = scratch();
  ws.dev("s.yaml", withSecrets);
  const run = await runCli(["build", "--now", "2026-12-01", "s.yaml"], { cwd: ws.dir });
  assert.is(run.code, 1);
  assertNoSecret(run.stdout + run.stderr, "build");
  assert.not.ok(existsSync(path.join(ws.dir, "out")), "out/ must not be created");
  const diff = await runCli(["diff", "s.yaml"], { cwd: ws.dir });
  assert.is(diff.code, 1);
  assert.match(diff.stdout, /STK-SEC-001/);
  assertNoSecret(diff.stdout + diff.stderr, "diff");
});

test("--dump-policy-input writes no input that holds a secret", async () => {
  const ws = scratch();
  ws.dev("s.yaml", (t) => withSecrets(t).replace("name: dev-eu-west-1", "name: dev-secrets"));
  const run = await runCli(["check", "--now", "2026-12-01", "--dump-policy-input", "dump", "s.yaml", "dev.yaml"], { cwd: ws.dir });
  assert.is(run.code, 1);
  assert.ok(existsSync(path.join(ws.dir, "dump", "dev-eu-west-1.json")), "a clean stack is dumped");
  assert.equal(readdirSync(path.join(ws.dir, "dump")), ["dev-eu-west-1.json"]);
});

test("STK-SEC-001 cannot be waived", async () => {
  const ws = scratch();
  ws.dev("s.yaml", (t) => withSecrets(t).replace("    waivers:\n", "    waivers:\n      - rule: STK-SEC-001\n        reason: we know it is there\n        expires: 2027-06-30\n"));
  const text = readFileSync(path.join(ws.dir, "s.yaml"), "utf8");
  const result = await ws.compile(["s.yaml"], { emit: true, policy: (await import("../../compiler/policy/stage.js")).createPolicyStage({ now: new Date("2026-12-01") }) });
  const waiver = result.diagnostics.find((d) => d.code === "STK-POLICY-007");
  assert.ok(waiver, "the waiver is an error");
  assert.is(`${waiver!.range!.start.line}:${waiver!.range!.start.column}`, lineCol(text, "STK-SEC-001\n"));
  assert.ok(result.diagnostics.filter((d) => d.code === "STK-SEC-001").every((d) => !d.suppressed));
});

test("the example stacks have no secrets (references only)", async () => {
  const ws = scratch();
  const run = await runCli(["check", "--now", "2026-12-01", "dev.yaml"], { cwd: ws.dir });
  assert.not.match(run.stdout, /STK-SEC-001/);
});

test.run();
