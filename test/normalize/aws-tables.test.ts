// The Region → zones table (compiler/catalog/aws-zones.ts) and the instance family →
// architecture table (compiler/catalog/instance-architectures.ts) cover everything stackc's own
// material names: every zone, Region and instance type in stacks/, in every YAML fixture under
// test/fixtures/, in the schema's defaults, in `stackc init`'s template, among the groups
// normalize adds itself (the bastion) and in the bench fleet generator. A file that names a zone
// or type that does not exist on purpose is listed below with its reason, and must still do so.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseDocument } from "yaml";
import { AWS_REGION_ZONES, AWS_ZONES_SOURCE, regionZones } from "../../compiler/catalog/aws-zones.js";
import {
  INSTANCE_ARCHITECTURES_SOURCE,
  INSTANCE_FAMILY_ARCHITECTURES,
  imageArchitecture,
  instanceArchitecture,
} from "../../compiler/catalog/instance-architectures.js";
import { BASTION_MACHINE_TYPE } from "../../compiler/normalize/instance-groups.js";
import { repoPath, repoRoot } from "../helpers/repo.js";

interface Reference {
  file: string;
  kind: "zone" | "region" | "type";
  value: string;
}

type Tables = { zones: (region: string) => readonly string[] | undefined; architecture: (type: string) => string | undefined };
const real: Tables = { zones: regionZones, architecture: instanceArchitecture };

/** Zones, Regions and instance types a parsed manifest names, by the keys that hold them. */
export function referencesIn(file: string, value: unknown, key = ""): Reference[] {
  if (Array.isArray(value)) return value.flatMap((v) => referencesIn(file, v, key));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => referencesIn(file, v, k));
  if (typeof value !== "string") return [];
  if (key === "machineType" || key === "machineTypes") return [{ file, kind: "type", value }];
  if (key === "zones") return [{ file, kind: "zone", value }];
  if (key === "region" || key === "replicaRegion") return [{ file, kind: "region", value }];
  return [];
}

/** The references the tables do not know. */
export function unknownReferences(refs: readonly Reference[], tables: Tables = real): Reference[] {
  return refs.filter((r) => {
    if (r.kind === "type") return tables.architecture(r.value) === undefined;
    if (r.kind === "region") return tables.zones(r.value) === undefined;
    const region = r.value.slice(0, -1);
    return !(tables.zones(region) ?? []).includes(r.value);
  });
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(entry) ? [full] : [];
    });
}

function referencesOfFile(full: string): Reference[] {
  const file = path.relative(repoRoot, full).split(path.sep).join("/");
  let doc: unknown;
  try {
    doc = parseDocument(readFileSync(full, "utf8"), { uniqueKeys: false }).toJS();
  } catch {
    return []; // deliberately broken YAML (diagnostics fixtures): nothing to look up
  }
  return referencesIn(file, doc);
}

/** Files that name a zone, Region or type that does not exist, on purpose. */
const DELIBERATE: Readonly<Record<string, string>> = {
  "test/fixtures/policy/STK-NET-012/stack.yaml": "the fixture of STK-NET-012 (zones exist): eu-west-1 has no zone d",
  "test/fixtures/diagnostics/schema-bad-zone/stack.yaml": "a zone name of the wrong shape, the schema's finding (STK-SCHEMA-005)",
  "test/fixtures/kops/caught-by-stackc/ig-unknown-subnet.yaml": "a kops spec whose instance group names a subnet the cluster lacks (kops' own refusal)",
};

const referenced = [...yamlFiles(repoPath("stacks")), ...yamlFiles(repoPath("test", "fixtures"))].flatMap(referencesOfFile);

test("the tables cite their source and date", () => {
  for (const source of [AWS_ZONES_SOURCE, INSTANCE_ARCHITECTURES_SOURCE]) {
    assert.match(source.url, /^https:\/\/docs\.aws\.amazon\.com\//);
    assert.match(source.retrieved, /^\d{4}-\d{2}-\d{2}$/);
  }
});

test("every zone of the Region table belongs to its Region and is unique; Region names are the schema's", () => {
  const schema = JSON.parse(readFileSync(repoPath("schema", "stack.schema.json"), "utf8")) as { $defs: { cloud: { properties: { region: { pattern: string } } }; zone: { pattern: string } } };
  const regionPattern = new RegExp(schema.$defs.cloud.properties.region.pattern);
  const zonePattern = new RegExp(schema.$defs.zone.pattern);
  assert.ok(Object.keys(AWS_REGION_ZONES).length >= 35, "every commercial Region, GovCloud and China");
  for (const [region, zones] of Object.entries(AWS_REGION_ZONES)) {
    assert.match(region, regionPattern);
    assert.ok(zones.length >= 2, `${region} has at least 2 zones`);
    assert.equal([...new Set(zones)].sort(), [...zones], `${region}: sorted, unique`);
    for (const zone of zones) {
      assert.is(zone.slice(0, -1), region);
      assert.match(zone, zonePattern);
    }
  }
  // the letters that are not a, b, c…: known gaps and extras
  assert.equal(regionZones("ca-central-1"), ["ca-central-1a", "ca-central-1b", "ca-central-1d"]);
  assert.equal(regionZones("us-east-1")?.length, 6);
  assert.is(regionZones("eu-west-1")?.includes("eu-west-1d"), false);
  assert.is(regionZones("eu-west-9"), undefined);
  assert.is(regionZones("constructor"), undefined);
});

test("the instance table maps families, both architectures", () => {
  assert.is(instanceArchitecture("m6i.xlarge"), "amd64");
  assert.is(instanceArchitecture("m7i-flex.large"), "amd64");
  assert.is(instanceArchitecture("m7g.xlarge"), "arm64");
  assert.is(instanceArchitecture("t4g.micro"), "arm64");
  assert.is(instanceArchitecture("c7gn.16xlarge"), "arm64");
  assert.is(instanceArchitecture("zz9.huge"), undefined);
  assert.is(instanceArchitecture("toString.large"), undefined);
  const families = Object.keys(INSTANCE_FAMILY_ARCHITECTURES);
  assert.equal(families, [...families].sort(), "sorted");
  // every Graviton family has the processor letter g after its generation digit (AWS's naming)
  for (const [family, arch] of Object.entries(INSTANCE_FAMILY_ARCHITECTURES)) {
    const graviton = /^(a1|[a-z]+\d+[a-z]*g[a-z]*)$/;
    if (arch === "arm64") assert.match(family, graviton, family);
    else assert.not.match(family, graviton, family);
  }
});

test("image names: the architecture they name, or none", () => {
  const cases: [string, string | undefined][] = [
    ["099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260218", "amd64"],
    ["099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20260218", "arm64"],
    ["137112412989/al2023-ami-2023.6.20250107.0-kernel-6.1-x86_64", "amd64"],
    ["137112412989/al2023-ami-2023.6.20250107.0-kernel-6.1-arm64", "arm64"],
    ["075585003325/Flatcar-stable-4152.2.0-hvm-aarch64", "arm64"],
    ["ssm:/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id", "amd64"],
    ["ami-0123456789abcdef0", undefined],
    ["example/armada-amd64ish", undefined],
    ["example/both-amd64-and-arm64", undefined],
  ];
  for (const [image, arch] of cases) assert.is(imageArchitecture(image), arch, image);
});

test("every zone, Region and instance type in stacks/ and the fixtures is in the tables (except the deliberate ones)", () => {
  assert.ok(referenced.some((r) => r.file.startsWith("stacks/") && r.kind === "zone"), "the scan sees the example stacks");
  const unknown = unknownReferences(referenced);
  const unexpected = unknown.filter((r) => !(r.file in DELIBERATE));
  assert.equal(unexpected.map((r) => `${r.file}: ${r.kind} ${r.value}`), [], "add them to compiler/catalog/ (with the source), or fix the file");
  // each deliberate file still names something unknown, so the list cannot go stale
  for (const file of Object.keys(DELIBERATE)) assert.ok(unknown.some((r) => r.file === file), `${file} no longer names an unknown zone or type`);
});

test("stackc's own defaults are in the tables: schema default image, bastion type, init template, bench fleet", async () => {
  const schema = JSON.parse(readFileSync(repoPath("schema", "stack.schema.json"), "utf8")) as { $defs: { cluster: { properties: { image: { default: string } } } } };
  assert.is(imageArchitecture(schema.$defs.cluster.properties.image.default), "amd64");
  assert.is(instanceArchitecture(BASTION_MACHINE_TYPE), "amd64");
  const template = readFileSync(repoPath("compiler", "init", "templates", "stack.yaml.hbs"), "utf8");
  const types = [...template.matchAll(/machineTypes?:\s*(\S+)/g)].map((m) => m[1]!);
  assert.ok(types.length > 0);
  for (const t of types) assert.ok(instanceArchitecture(t), `init template: ${t}`);
  const fleet = (await import(pathToFileURL(repoPath("scripts", "bench", "lib", "fleet.mjs")).href)) as { REGIONS: [string, string, string[]][]; MACHINES: string[]; SPOT_TYPES: string[]; REPLICA: Record<string, string> };
  for (const [region, , letters] of fleet.REGIONS) for (const l of letters) assert.ok(regionZones(region)?.includes(`${region}${l}`), `bench fleet: ${region}${l}`);
  for (const r of Object.values(fleet.REPLICA)) assert.ok(regionZones(r), `bench fleet replica: ${r}`);
  for (const t of [...fleet.MACHINES, ...fleet.SPOT_TYPES]) assert.ok(instanceArchitecture(t), `bench fleet: ${t}`);
});

test("the check fails when a table lacks what a file names", () => {
  const refs = referencesIn("x.yaml", {
    spec: { cloud: { region: "eu-west-1", zones: ["eu-west-1a", "eu-west-1b"] }, cluster: { nodeGroups: [{ machineTypes: ["m6i.large", "m7g.large"] }] } },
  });
  assert.equal(unknownReferences(refs), []);
  const smaller: Tables = {
    zones: (r) => (r === "eu-west-1" ? ["eu-west-1a"] : undefined),
    architecture: (t) => (t.startsWith("m6i.") ? "amd64" : undefined),
  };
  assert.equal(unknownReferences(refs, smaller).map((r) => `${r.kind} ${r.value}`), ["zone eu-west-1b", "type m7g.large"]);
});

test.run();
