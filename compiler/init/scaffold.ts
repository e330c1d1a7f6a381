// `stackc init`: a commented starting manifest, rendered from a Handlebars template (human
// text with comments, which is what Handlebars is for here). The result validates as is.
import { createRequire } from "node:module";
import path from "node:path";
import { assetPath, assetText } from "../assets/assets.js";
import { addonInfo, type AddonKey } from "../catalog/addons.js";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";

const require = createRequire(import.meta.url);

export const DEFAULT_KUBERNETES_VERSION = "1.36.1";

export interface ScaffoldOptions {
  /** Where the file will be written (for the comments and the $schema reference). */
  file: string;
  name: string;
  environment: "dev" | "staging" | "prod";
  region: string;
  zones?: string[];
  cidr?: string;
  dnsZone?: string;
  /** Prefix of every bucket name. */
  bucketPrefix?: string;
  /** `network`: a kind: Network manifest instead of a stack. */
  kind?: "stack" | "network";
  /** A stack in a shared network: the path of its Network manifest (relative to the file) and its block. */
  use?: string;
  block?: number;
  /**
   * The `$schema` of the yaml-language-server modeline. Default: the schema inside the installed
   * stackc package, as a path relative to the file (resolves offline, in any editor).
   */
  schemaRef?: string;
}

const scaffoldAddons: AddonKey[] = ["certManager", "externalDns", "clusterAutoscaler", "metricsServer", "velero"];

/** The manifest text; the template is read through `io` (the shipped one by default). Writes nothing. */
export function scaffoldManifest(options: ScaffoldOptions, io: Io = nodeIo): string {
  if (options.kind === "network") return scaffoldNetwork(options, io);
  const prod = options.environment === "prod";
  const zoneCount = options.environment === "dev" ? 2 : 3;
  const zones = options.zones ?? ["a", "b", "c"].slice(0, zoneCount).map((l) => `${options.region}${l}`);
  const dnsZone = options.dnsZone ?? "k8s.example.com";
  // loaded here, not at import: only `stackc init` needs Handlebars' compiler
  const Handlebars = require("handlebars") as typeof import("handlebars");
  const template = Handlebars.compile(assetText(io, "initTemplate"), {
    noEscape: true,
    strict: true,
  });
  return template({
    file: options.file,
    schemaRef: options.schemaRef ?? schemaRefFrom(path.resolve(options.file)),
    name: options.name,
    environment: options.environment,
    region: options.region,
    zones,
    cidr: options.cidr ?? "10.20.0.0/16",
    natGateways: options.environment === "dev" ? "single" : "perZone",
    dnsZone,
    clusterName: `${options.name}.${dnsZone}`,
    bucketPrefix: options.bucketPrefix ?? `example-${options.name}`,
    kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
    controlPlaneCount: options.environment === "dev" ? 1 : 3,
    nodeMin: prod ? 3 : 2,
    nodeMax: prod ? 9 : 4,
    retentionDays: prod ? 30 : 7,
    addons: scaffoldAddons.map((key) => ({ key, version: addonInfo(key).defaultVersion })),
    use: options.use,
    block: options.block ?? 1,
  });
}

/** A kind: Network manifest (compiler/init/templates/network.yaml.hbs). */
function scaffoldNetwork(options: ScaffoldOptions, io: Io): string {
  const zoneCount = options.environment === "dev" ? 2 : 3;
  const zones = options.zones ?? ["a", "b", "c"].slice(0, zoneCount).map((l) => `${options.region}${l}`);
  const Handlebars = require("handlebars") as typeof import("handlebars");
  const template = Handlebars.compile(assetText(io, "initNetworkTemplate"), { noEscape: true, strict: true });
  return template({
    file: options.file,
    schemaRef: options.schemaRef ?? schemaRefFrom(path.resolve(options.file), "networkSchema"),
    name: options.name,
    environment: options.environment,
    region: options.region,
    zones,
    firstZone: zones[0],
    cidr: options.cidr ?? "10.20.0.0/16",
    natGateways: options.environment === "dev" ? "single" : "perZone",
    bucketPrefix: options.bucketPrefix ?? `example-${options.name}`,
  });
}

/** The shipped schema as a `/`-separated path relative to the manifest at `absoluteFile`. */
export function schemaRefFrom(absoluteFile: string, schema: "schema" | "networkSchema" = "schema"): string {
  const rel = path.relative(path.dirname(absoluteFile), assetPath(schema)).split(path.sep).join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
}
