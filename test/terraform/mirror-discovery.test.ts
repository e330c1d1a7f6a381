// How the terraform tests find the aws provider mirror and configure the CLI: the env var wins
// (and a wrong one is reported, not silently replaced), then the well-known folders; only a
// provider version the emitted constraint accepts, for this platform, counts; the generated CLI
// config is offline (filesystem mirror, no direct download of hashicorp providers).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cliConfigText, findPluginMirror, MIRROR_ENV, offlineTerraform, providerRange, terraformEnv, terraformPlatform, wellKnownMirrors } from "./offline-terraform.js";

function fakeMirror(versions: readonly string[], platform = terraformPlatform()): string {
  const root = mkdtempSync(path.join(tmpdir(), "stackc-mirror-"));
  for (const version of versions) {
    const dir = path.join(root, "registry.terraform.io", "hashicorp", "aws", version, platform);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `terraform-provider-aws_v${version}_x5`), "");
  }
  return root;
}

test("the emitted provider constraint becomes a semver range", () => {
  assert.is(providerRange(">= 5.100.0, < 7.0.0"), ">=5.100.0 <7.0.0");
  assert.is(terraformPlatform("linux", "x64"), "linux_amd64");
  assert.is(terraformPlatform("darwin", "arm64"), "darwin_arm64");
});

test("STACKC_TF_PLUGIN_MIRROR is used when it holds a usable aws provider", () => {
  const mirror = fakeMirror(["5.99.0", "5.100.0", "6.2.0", "7.0.0"]);
  try {
    const found = findPluginMirror({ [MIRROR_ENV]: mirror }, []);
    assert.ok(found.found);
    if (found.found) {
      assert.is(found.dir, mirror);
      assert.equal(found.versions, ["5.100.0", "6.2.0"], "only versions inside >= 5.100.0, < 7.0.0");
    }
  } finally {
    rmSync(mirror, { recursive: true, force: true });
  }
});

test("a wrong STACKC_TF_PLUGIN_MIRROR is reported, even when a well-known folder would do", () => {
  const good = fakeMirror(["5.100.0"]);
  const wrongPlatform = fakeMirror(["5.100.0"], "plan9_mips");
  try {
    const found = findPluginMirror({ [MIRROR_ENV]: wrongPlatform }, [good]);
    assert.not.ok(found.found);
    if (!found.found) assert.match(found.reason, /STACKC_TF_PLUGIN_MIRROR=.* holds no registry\.terraform\.io\/hashicorp\/aws/);
  } finally {
    rmSync(good, { recursive: true, force: true });
    rmSync(wrongPlatform, { recursive: true, force: true });
  }
});

test("without the env var the first usable well-known folder wins; none gives a reason naming where it looked", () => {
  const old = fakeMirror(["5.50.0"]);
  const good = fakeMirror(["5.100.0"]);
  try {
    const found = findPluginMirror({}, [old, "/nonexistent/stackc", good]);
    assert.ok(found.found && found.dir === good);
    const missing = findPluginMirror({}, [old, "/nonexistent/stackc"]);
    assert.not.ok(missing.found);
    if (!missing.found) assert.ok(missing.reason.includes(old) && missing.reason.includes("/nonexistent/stackc") && missing.reason.includes(MIRROR_ENV));
  } finally {
    rmSync(old, { recursive: true, force: true });
    rmSync(good, { recursive: true, force: true });
  }
});

test("well-known folders: /opt/tf-plugins, then Terraform's implied mirror directories", () => {
  assert.equal(wellKnownMirrors({}, "/home/u"), [
    "/opt/tf-plugins",
    "/home/u/.local/share/terraform/plugins",
    "/home/u/.terraform.d/plugins",
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
  ]);
  assert.is(wellKnownMirrors({ XDG_DATA_HOME: "/xdg" }, "/home/u")[1], "/xdg/terraform/plugins");
});

test("the CLI config uses only the mirror for hashicorp providers, with the path as an escaped HCL string", () => {
  const text = cliConfigText('/tmp/a "quoted" dir');
  assert.match(text, /path    = "\/tmp\/a \\"quoted\\" dir"/);
  assert.match(text, /include = \["registry\.terraform\.io\/hashicorp\/\*"\]/);
  assert.match(text, /direct \{\n    exclude = \["registry\.terraform\.io\/hashicorp\/\*"\]/);
  assert.not.match(text, /__PLUGIN_MIRROR__/);
});

test("every terraform call gets our CLI config and none of the caller's TF_* settings", () => {
  const env = terraformEnv("/x/offline.tfrc", { PATH: "/bin", TF_CLI_CONFIG_FILE: "/missing", TF_CLI_ARGS_plan: "-refresh=false", TF_DATA_DIR: "/d" });
  assert.equal(env, { PATH: "/bin", TF_CLI_CONFIG_FILE: "/x/offline.tfrc", CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_INPUT: "0" });
});

test("a missing terraform or mirror is a skip reason, not a terraform", () => {
  const saved = { PATH: process.env.PATH, mirror: process.env[MIRROR_ENV] };
  const reasons: (string | undefined)[] = [];
  try {
    process.env.PATH = "/nonexistent/stackc";
    const none = offlineTerraform();
    assert.is(none.tf, undefined);
    reasons.push(none.reason);
    process.env.PATH = saved.PATH;
    process.env[MIRROR_ENV] = "/nonexistent/stackc-mirror";
    const wrongMirror = offlineTerraform();
    wrongMirror.tf?.dispose();
    assert.is(wrongMirror.tf, undefined);
    reasons.push(wrongMirror.reason);
  } finally {
    process.env.PATH = saved.PATH;
    if (saved.mirror === undefined) delete process.env[MIRROR_ENV];
    else process.env[MIRROR_ENV] = saved.mirror;
  }
  assert.is(reasons[0], "terraform not installed");
  // with terraform on PATH the wrong mirror is the reason; without it the same terraform reason again
  assert.match(reasons[1] ?? "", /^(no aws provider mirror: \$STACKC_TF_PLUGIN_MIRROR=\/nonexistent\/stackc-mirror|terraform not installed$)/);
});

test.run();
