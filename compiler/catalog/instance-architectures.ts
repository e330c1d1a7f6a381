// EC2 instance family → CPU architecture, for STK-K8S-011 (an arm64 instance type with an amd64
// image, or the reverse, never boots a node). Architecture is a property of the family (the
// part of the type before the dot): every size of m7g is Graviton (arm64), every size of m7i is
// Intel (x86_64, "amd64" in image names).
//
//   Source: AWS documentation, Amazon EC2 Instance Types guide: "Amazon EC2 instance type naming
//   conventions" (processor option g = AWS Graviton), and the specification pages per category
//   (general purpose, compute optimized, memory optimized, storage optimized, accelerated
//   computing, HPC), whose "Processor" column gives each family's CPU,
//   https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html and
//   https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html (and co.), read 2026-12-06.
//
// Not listed: Mac instances (mac1/mac2 run macOS, not a kops image), u-*/u7i high-memory
// families (dedicated hosts only), and families retired before 2020 (m1, c1, m2, cc2, cr1, …).
// A family missing here is not judged by STK-K8S-011; `npm test` checks that every instance
// type stacks/, test fixtures, stackc's defaults and `stackc init` use is in this table
// (test/normalize/aws-tables.test.ts).

export type Architecture = "amd64" | "arm64";

export const INSTANCE_ARCHITECTURES_SOURCE = {
  url: "https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html",
  title: "Amazon EC2 Instance Types guide, instance type naming conventions and specifications",
  retrieved: "2026-12-06",
} as const;

const ARM64 = [
  // general purpose
  "a1", "t4g", "m6g", "m6gd", "m7g", "m7gd", "m8g", "m8gd",
  // compute optimized
  "c6g", "c6gd", "c6gn", "c7g", "c7gd", "c7gn", "c8g", "c8gd", "c8gn",
  // memory optimized
  "r6g", "r6gd", "r7g", "r7gd", "r8g", "r8gd", "x2gd", "x8g",
  // storage optimized
  "i4g", "i8g", "i8ge", "im4gn", "is4gen",
  // accelerated, HPC
  "g5g", "hpc7g",
] as const;

const AMD64 = [
  // general purpose
  "t2", "t3", "t3a", "m4", "m5", "m5a", "m5ad", "m5d", "m5dn", "m5n", "m5zn",
  "m6a", "m6i", "m6id", "m6idn", "m6in", "m7a", "m7i", "m7i-flex", "m8a", "m8i", "m8i-flex",
  // compute optimized
  "c4", "c5", "c5a", "c5ad", "c5d", "c5n", "c6a", "c6i", "c6id", "c6in", "c7a", "c7i", "c7i-flex", "c8a", "c8i", "c8i-flex",
  // memory optimized
  "r4", "r5", "r5a", "r5ad", "r5b", "r5d", "r5dn", "r5n", "r6a", "r6i", "r6id", "r6idn", "r6in",
  "r7a", "r7i", "r7iz", "r8a", "r8i", "r8i-flex", "x1", "x1e", "x2idn", "x2iedn", "x2iezn", "z1d",
  // storage optimized
  "d2", "d3", "d3en", "h1", "i3", "i3en", "i4i", "i7i", "i7ie",
  // accelerated computing (x86 hosts: Intel or AMD CPUs beside the accelerators)
  "dl1", "f1", "f2", "g4ad", "g4dn", "g5", "g6", "g6e", "gr6", "inf1", "inf2",
  "p3", "p3dn", "p4d", "p4de", "p5", "p5e", "p5en", "trn1", "trn1n", "trn2",
  // HPC
  "hpc6a", "hpc6id", "hpc7a",
] as const;

/** Family → architecture, sorted by family. */
export const INSTANCE_FAMILY_ARCHITECTURES: Readonly<Record<string, Architecture>> = Object.fromEntries(
  [...ARM64.map((f) => [f, "arm64"] as const), ...AMD64.map((f) => [f, "amd64"] as const)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);

/** The family of an instance type: "m6i.xlarge" → "m6i". */
export function instanceFamily(machineType: string): string {
  const dot = machineType.indexOf(".");
  return dot < 0 ? machineType : machineType.slice(0, dot);
}

/** The architecture of an instance type, or undefined when its family is not in the table. */
export function instanceArchitecture(machineType: string): Architecture | undefined {
  const family = instanceFamily(machineType);
  return Object.prototype.hasOwnProperty.call(INSTANCE_FAMILY_ARCHITECTURES, family) ? INSTANCE_FAMILY_ARCHITECTURES[family] : undefined;
}

/**
 * The architecture an image reference names, when it names one: kops image references are
 * `<owner>/<name>` (Ubuntu's `…-noble-24.04-amd64-server-…`, Amazon Linux's `…-x86_64`,
 * Flatcar's `…-arm64-…`) or `ssm:/…/amd64/…` parameter paths. An `ami-…` id names none.
 */
export function imageArchitecture(image: string): Architecture | undefined {
  const lower = image.toLowerCase();
  const arm = /(^|[^a-z0-9])(arm64|aarch64)([^a-z0-9]|$)/.test(lower);
  const amd = /(^|[^a-z0-9])(amd64|x86_64|x86-64)([^a-z0-9]|$)/.test(lower);
  if (arm === amd) return undefined;
  return arm ? "arm64" : "amd64";
}
