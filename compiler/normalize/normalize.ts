// normalize: validated manifest → StackModel. Schema defaults first (the schema is the source
// of truth for them), then the defaults that depend on other values, then every semantic
// check, so one run reports all inconsistencies. Pure: no I/O, no clock.
import type { StageResult } from "../diagnostics/diagnostic.js";
import type { SourceMap } from "../load/source-map.js";
import type { ResolvedStack, Stack } from "../../schema/stack.types.js";
import { stackSchema } from "../validate/schema.js";
import { buildAddons } from "./addons.js";
import { buildBuckets, buildKms, remoteBuckets } from "./buckets.js";
import { NormalizeContext } from "./context.js";
import { applySchemaDefaults } from "./defaults.js";
import { buildInstanceGroups } from "./instance-groups.js";
import type { StackModel } from "../model/model.js";
import { buildRegions, buildZones } from "./zones.js";
import { canonical, formatCidr, isCanonical, parseCidr } from "./cidr.js";
import type { NetworkModel } from "../model/network.js";
import { buildNetworkedZones, checkNetworkChoice } from "./stack-network.js";

/**
 * `schema` supplies the defaults (stackSchema(io); default: the shipped one through the node
 * Io). `network`: the normalized network the stack names in spec.network.use, when it does.
 */
export function normalizeStack(
  manifest: Stack,
  file: string,
  sourceMap: SourceMap,
  schema: Record<string, unknown> = stackSchema(),
  network?: NetworkModel,
): StageResult<StackModel> {
  const stack = applySchemaDefaults(manifest, schema) as unknown as ResolvedStack;
  const ctx = new NormalizeContext(stack, sourceMap);
  const { spec, metadata } = stack;

  checkNetworkChoice(ctx, manifest);
  if (spec.network.use === undefined && spec.network.cidr === undefined) return { diagnostics: ctx.diagnostics };
  if (spec.network.use !== undefined && !network) return { diagnostics: ctx.diagnostics }; // the network's own findings say why
  const built = network ? buildNetworkedZones(ctx, network) : { ...buildZones(ctx), network: undefined };
  const { vpcCidr, zones, natZones } = built;
  checkAccessLists(ctx);
  applyDerivedDefaults(stack, vpcCidr);

  const dnsZone = spec.dns.zone;
  if (spec.cluster.name !== dnsZone && !spec.cluster.name.endsWith(`.${dnsZone}`)) {
    ctx.report("STK-MODEL-011", `Cluster name ${spec.cluster.name} is not inside the DNS zone ${dnsZone}`, "/spec/cluster/name", {
      related: [ctx.related("/spec/dns/zone", "DNS zone")],
      hint: `Name the cluster <name>.${dnsZone}, e.g. ${metadata.environment}.${dnsZone}`,
    });
  }

  const kubernetesMinor = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(spec.cluster.kubernetesVersion)?.slice(1, 3).join(".");
  const instanceGroups = buildInstanceGroups(ctx);
  const addons = buildAddons(ctx, kubernetesMinor);
  const lokiBucket = addons.some((a) => a.key === "loki") ? spec.addons.loki?.bucket : undefined;
  const buckets = buildBuckets(ctx, addons.some((a) => a.key === "velero"), lokiBucket);
  const kms = buildKms(ctx);

  const model: StackModel = {
    file,
    // the caller (compileStack) replaces it with the workspace-relative path; a library caller
    // passing its own path gets that path in both places
    source: file,
    name: metadata.name,
    environment: metadata.environment,
    stack,
    region: spec.cloud.region,
    regions: buildRegions(ctx),
    ...(spec.cloud.accountId ? { accountId: spec.cloud.accountId } : {}),
    vpcCidr,
    zones,
    natZones,
    clusterName: spec.cluster.name,
    ...(kubernetesMinor ? { kubernetesMinor } : {}),
    instanceGroups,
    buckets,
    remoteBuckets: remoteBuckets(buckets),
    kms,
    addons,
    charts: spec.charts,
    tags: buildTags(stack),
    ...(built.network ? { network: built.network } : {}),
  };
  return { value: model, diagnostics: ctx.diagnostics };
}

/** kops refuses non-canonical CIDRs in kubernetesApiAccess and sshAccess ("did you mean …"). */
function checkAccessLists(ctx: NormalizeContext): void {
  const { api, ssh } = ctx.stack.spec.cluster;
  const lists: [string, string[] | undefined][] = [
    ["/spec/cluster/api/access", api.access],
    ["/spec/cluster/ssh/access", ssh.access],
  ];
  for (const [pointer, list] of lists) {
    (list ?? []).forEach((text, i) => {
      const cidr = parseCidr(text);
      if (cidr && !isCanonical(cidr)) {
        ctx.report("STK-MODEL-001", `Access CIDR ${text} has host bits set`, `${pointer}/${i}`, {
          hint: `Did you mean ${formatCidr(canonical(cidr))}?`,
        });
      }
    });
  }
}

/** Defaults that depend on other settings (the schema can only hold constants). */
function applyDerivedDefaults(stack: ResolvedStack, vpcCidr: string): void {
  // the canonical VPC block: a host-bits mistake in network.cidr is reported once, there
  stack.spec.cluster.api.access ??= [vpcCidr];
}

function buildTags(stack: ResolvedStack): Record<string, string> {
  const tags: Record<string, string> = {
    "managed-by": "stackc",
    "stackc.dev/environment": stack.metadata.environment,
    "stackc.dev/stack": stack.metadata.name,
  };
  if (stack.metadata.owner) tags.owner = stack.metadata.owner;
  for (const [key, value] of Object.entries(stack.spec.tags)) if (value !== undefined) tags[key] = value;
  return Object.fromEntries(Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
