// The commands that carry a plan through, for the markdown plan and the text summary: which
// instance groups roll, control plane first, with the admin credentials kops validate and
// helmfile need. Data, not text: each reporter prints it its own way.
import type { StackPlanResult } from "../../plan/run.js";

export interface ApplyStep {
  title: string;
  commands: string[];
}

export function applySteps(plan: StackPlanResult): ApplyStep[] {
  if (plan.changes.some((c) => c.code === "CHG-STACK-RETIRE")) return retireSteps(plan);
  const { name, stateStore } = plan.cluster;
  const kops = (args: string) => `kops ${args} --name ${name} --state ${stateStore}`;
  const tools = new Set(plan.changes.map((c) => c.tool));
  const steps: ApplyStep[] = [];
  if (tools.has("terraform") || tools.has("stack")) {
    steps.push({ title: "Terraform: review the plan, then apply it", commands: [`terraform -chdir=out/${plan.name}/terraform plan -out=tfplan`, `terraform -chdir=out/${plan.name}/terraform apply tfplan`] });
  }
  if (tools.has("kops") || tools.has("stack") || tools.has("terraform")) {
    steps.push({
      title: "kops: bind the new outputs and update the cluster",
      commands: [
        `terraform -chdir=out/${plan.name}/terraform output -json > ${plan.name}.tf-output.json`,
        `stackc bind ${plan.file} --terraform-output ${plan.name}.tf-output.json`,
        kops(`replace -f out/${plan.name}/kops/cluster.yaml`),
        kops("update cluster --yes"),
      ],
    });
  }
  const controlPlane = plan.rolls.filter((r) => r.controlPlane);
  const nodes = plan.rolls.filter((r) => !r.controlPlane);
  if (plan.rolls.length > 0) {
    steps.push({ title: "Admin credentials for validate and helmfile", commands: [kops("export kubecfg --admin")] });
  }
  if (controlPlane.length > 0) {
    steps.push({
      title: `Roll the control plane first (${controlPlane.map((r) => r.group).join(", ")})`,
      commands: [kops("rolling-update cluster --instance-group-roles control-plane --yes"), kops("validate cluster --wait 15m")],
    });
  }
  if (nodes.length > 0) {
    steps.push({
      title: `Then the nodes (${nodes.map((r) => r.group).join(", ")})`,
      commands: [kops(`rolling-update cluster --instance-group ${nodes.map((r) => r.group).join(",")} --yes`), kops("validate cluster --wait 15m")],
    });
  }
  if (tools.has("helm")) {
    steps.push({ title: "Helm releases", commands: [`helmfile --file out/${plan.name}/helmfile/helmfile.yaml diff`, `helmfile --file out/${plan.name}/helmfile/helmfile.yaml apply`] });
  }
  return steps;
}

/** A retired stack: its teardown, then the folder goes with the pull request. */
function retireSteps(plan: StackPlanResult): ApplyStep[] {
  const dir = `out/${plan.name}`;
  const { name, stateStore } = plan.cluster;
  const steps: ApplyStep[] = [];
  if (name !== "") {
    steps.push({
      title: `Tear the cluster down once nothing reaches it (${dir}/RUNBOOK.md, Teardown)`,
      commands: [
        `kops delete cluster --name ${name} --state ${stateStore} --yes`,
        `# then its Terraform (${dir}/terraform), keeping the state and backup buckets, as the runbook says`,
      ],
    });
  }
  steps.push({ title: "Then delete its output folder", commands: [`git rm -r ${dir}`] });
  return steps;
}
