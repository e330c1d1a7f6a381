// The contract of the kops-validate binary (test/kops-validate/README.md): NDJSON, one line per
// input in argument order, exit status the worst over all inputs, plus the document-level checks
// the harness adds to kops' validators.
import { execFile } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { feedStdin } from "../helpers/child-stdin.js";
import { kopsValidateBinary, validateKopsTexts } from "../helpers/kops-validate.js";
import { repoPath } from "../helpers/repo.js";
import { brokenFixture, editValid, VALID, validText } from "./fixtures.js";

function run(args: string[], stdin?: string): Promise<{ code: number; lines: unknown[] }> {
  return kopsValidateBinary().then(
    (bin) =>
      new Promise((resolve, reject) => {
        const child = execFile(bin, args, (err, stdout) => {
          if (err && typeof err.code !== "number") return reject(err);
          resolve({
            code: err ? Number(err.code) : 0,
            lines: stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as unknown),
          });
        });
        // file arguments: the harness never reads stdin and may exit before this write (EPIPE)
        feedStdin(child, stdin, reject);
      }),
  );
}

test("-version names the pinned kops module", async () => {
  const bin = await kopsValidateBinary();
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(bin, ["-version"], (err, out) => (err ? reject(err) : resolve(out))),
  );
  assert.is(stdout.trim(), "k8s.io/kops v1.36.2");
});

test("a clean file prints exactly {file, errors: []} and exits 0", async () => {
  const { code, lines } = await run([VALID]);
  assert.is(code, 0);
  assert.equal(lines, [{ file: VALID, errors: [] }]);
});

test("several files: one line each, in argument order; exit 1 when one has errors", async () => {
  const broken = brokenFixture("iam-legacy");
  const { code, lines } = await run([broken, VALID, broken]);
  assert.is(code, 1);
  assert.equal(
    lines.map((l) => (l as { file: string }).file),
    [broken, VALID, broken],
  );
  assert.equal((lines[0] as { errors: unknown[] }).errors, [
    {
      type: "FieldValueForbidden",
      field: "spec.iam.legacy",
      detail: "legacy IAM permissions are no longer supported",
      object: "Cluster/prod.k8s.example.com",
    },
  ]);
});

test("an unreadable file is a decodeError (exit 2) and does not stop the others", async () => {
  const missing = repoPath("test", "fixtures", "kops", "does-not-exist.yaml");
  const { code, lines } = await run([missing, VALID]);
  assert.is(code, 2);
  assert.is((lines[0] as { file: string }).file, missing);
  assert.match((lines[0] as { decodeError: string }).decodeError, "no such file");
  assert.not.ok("errors" in (lines[0] as object), "no errors key next to a decodeError");
  assert.equal(lines[1], { file: VALID, errors: [] });
});

test("stdin is read when no file is given, and reported as -", async () => {
  const { code, lines } = await run([], validText());
  assert.is(code, 0);
  assert.equal(lines, [{ file: "-", errors: [] }]);
});

test("document-level checks: order, cluster label, decode failures", async () => {
  const docs = validText().split("\n---\n");
  const results = await validateKopsTexts({
    // an IG before its Cluster (cmd/kops/create.go:155-168)
    igFirst: [docs[1], docs[0], ...docs.slice(2)].join("\n---\n"),
    // the label names another cluster
    wrongLabel: editValid(
      "  name: nodes\n  labels:\n    kops.k8s.io/cluster: prod.k8s.example.com\n",
      "  name: nodes\n  labels:\n    kops.k8s.io/cluster: staging.k8s.example.com\n",
    ),
    // separators around comment-only sections are not documents
    padded: `---\n# header\n---\n${validText()}\n---\n# trailer\n`,
    noCluster: docs.slice(1).join("\n---\n"),
    twoClusters: [docs[0], ...docs].join("\n---\n"),
    notKops: `${validText()}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n`,
  });
  const get = (name: string) => results.get(name)!;
  assert.equal(get("igFirst").errors.map((e) => `${e.type} ${e.field}`), ["FieldValueForbidden kind"]);
  assert.equal(get("wrongLabel").errors.map((e) => `${e.object} ${e.type} ${e.field}`), [
    "InstanceGroup/nodes FieldValueInvalid metadata.labels[kops.k8s.io/cluster]",
  ]);
  assert.equal(get("padded"), { errors: [] });
  assert.is(get("noCluster").decodeError, "no Cluster document");
  assert.match(get("twoClusters").decodeError ?? "", "document 2 (line ");
  assert.match(get("twoClusters").decodeError ?? "", "a second Cluster");
  assert.match(get("notKops").decodeError ?? "", 'unsupported apiVersion "v1" kind "ConfigMap"');
});

test.run();
