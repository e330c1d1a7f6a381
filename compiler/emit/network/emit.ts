// out/<network>/ for a kind: Network manifest: the network's Terraform root module and its state
// bucket's bootstrap (terraform.ts, typed items through the canonical HCL printer, like a
// stack's), bin/up and bin/down (lifecycle.ts, through the stack scripts' generator), and a short
// RUNBOOK.md printing the same steps: apply order, and the rule that a network goes last on the
// way down. The runbook's text is built here from safe-text pieces (every manifest value that
// reaches it is a name the schema restricts, or escaped).
import type { NetworkModel } from "../../model/network.js";
import type { EmitOutput, VirtualFile } from "../emitter.js";
import { markdownCode, markdownText, htmlCommentText } from "../runbook/safe-text.js";
import type { Step } from "../shell/command.js";
import { printForRunbook } from "../shell/print.js";
import { renderScript } from "../shell/script.js";
import { networkHeaderText } from "./header.js";
import { networkDownScript, networkDownSteps, networkTeardownPlan, networkUpScript, networkUpSteps } from "./lifecycle.js";
import { moduleArtifact, type TerraformArtifact } from "../terraform/tf/artifact.js";
import { renderFile } from "../terraform/tf/render.js";
import { networkBootstrapModule, networkRootModule } from "./terraform.js";

export { networkHeaderText } from "./header.js";

export function emitNetwork(network: NetworkModel): EmitOutput & { artifact: { terraform: TerraformArtifact } } {
  const modules = [networkRootModule(network), networkBootstrapModule(network)];
  const header = networkHeaderText(network);
  const files: VirtualFile[] = modules.flatMap((m) => m.files.map((f) => ({ path: f.path, contents: renderFile(f, header) })));
  files.push({ path: "RUNBOOK.md", contents: networkRunbook(network) });
  files.push({ path: "bin/down", contents: renderScript(networkDownScript(network)), executable: true });
  files.push({ path: "bin/up", contents: renderScript(networkUpScript(network)), executable: true });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, artifact: { terraform: { modules: modules.map(moduleArtifact) } } };
}

function networkRunbook(n: NetworkModel): string {
  const dir = `out/${n.name}`;
  const spec = n.manifest.spec;
  const nat = n.existing
    ? `existing: ${n.zones.map((z) => `${z.name} ${markdownCode(z.existing!.natGatewayId)}`).join(", ")}`
    : spec.natGateways === "perZone"
      ? `one per zone (${n.natZones.length})`
      : `one, in ${n.natZones[0] ?? "-"}`;
  const lines = [
    `<!-- ${htmlCommentText(networkHeaderText(n))} -->`,
    `# Runbook: network ${n.name}`,
    "",
    ...(n.manifest.metadata.description ? [markdownText(n.manifest.metadata.description), ""] : []),
    "| | |",
    "|---|---|",
    `| Environment | ${n.environment} |`,
    `| Region / zones | ${n.region}: ${n.zones.map((z) => z.name).join(", ")} |`,
    `| VPC | ${n.existing ? `existing ${markdownCode(n.existing.vpcId)}, ` : ""}${n.vpcCidr}; cluster blocks /${n.blockPrefix} |`,
    `| Utility subnets | ${n.zones.map((z) => `${z.name} ${z.utilityCidr}`).join(", ")} |`,
    `| NAT gateways | ${nat} |`,
    `| Terraform state | ${markdownCode(`s3://${n.state.bucket}/${n.state.key}`)} |`,
    "",
    `Everything under ${markdownCode(`${dir}/`)} is generated from ${markdownCode(n.source)} by \`stackc build\`. The stacks that`,
    "name this network in `spec.network.use` create their own private subnets in it, in their own",
    "block, and read its outputs from its Terraform state: apply the network before any of them.",
    "",
    "## First apply",
    "",
    `\`${dir}/bin/up\` runs these commands, in order:`,
    "",
    shellBlock(networkUpSteps(n)),
    "",
    "Then apply each stack of the network (its own RUNBOOK.md, or its bin/up).",
    "",
    "## Teardown",
    "",
    "A network goes last: tear every stack that uses it down first (each stack's own bin/down). Its",
    "clusters' subnets, routes and tags live in their own states; while one remains, the VPC cannot",
    `be deleted, so \`${dir}/bin/down\` first checks that no subnet of the VPC still carries a cluster's`,
    "`kubernetes.io/cluster/` tag, and refuses otherwise. Then, in order:",
    "",
    shellBlock(networkDownSteps(n)),
    "",
    `Kept: ${networkTeardownPlan(n).keep.length} resources (the flow-log bucket with its protections and its KMS key), and the state bucket`,
    "(terraform-bootstrap): it may hold other states, and versioned state is the record of what ran.",
    "",
  ];
  return lines.join("\n");
}

/** A fenced sh block holding the steps' commands, as the scripts run them (shell/print.ts). */
function shellBlock(steps: readonly Step[]): string {
  const text = steps.flatMap((s) => [`# ${s.title}`, ...s.actions.flatMap(printForRunbook)]).join("\n");
  const fence = "`".repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map((r) => r.length + 1)));
  return [`${fence}sh`, text, fence].join("\n");
}
