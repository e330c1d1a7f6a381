// out/<network>/bin/up and bin/down, and the network runbook's apply and teardown blocks: one
// typed step list (the stack scripts' generator, shell/), so the scripts run exactly what the
// runbook shows. A network comes up before its stacks and goes down after them: `down` first
// asks AWS whether any subnet of the VPC still carries a cluster's `kubernetes.io/cluster/<name>`
// tag (every stack in the network puts one on the network's utility subnets and on its own
// private subnets, and its own bin/down removes them), and refuses while one does. Like a stack's
// down, it keeps the network's buckets (the flow logs are audit evidence; stackc never sets
// force_destroy) and destroys the rest by name.
import type { NetworkModel } from "../../model/network.js";
import { planFor, type TeardownPlan } from "../lifecycle/keep.js";
import { PROD_FLAG } from "../lifecycle/emitter.js";
import { output, run, variable, type Action, type Step, type Word } from "../shell/command.js";
import type { ScriptSpec } from "../shell/script.js";
import { moduleArtifact } from "../terraform/tf/artifact.js";
import { networkHeaderText } from "./header.js";
import { networkRootModule } from "./terraform.js";

/** From out/<network>/bin/ to the folder the runbook's commands run in. */
const ROOT = "../../..";

/** The AWS CLI query counting the VPC's subnets that carry a cluster's tag. */
export const CLUSTER_SUBNETS_QUERY = "length(Subnets[?Tags[?starts_with(Key, 'kubernetes.io/cluster/')]])";

export function networkPaths(network: NetworkModel) {
  const dir = `out/${network.name}`;
  return { dir, bootstrap: `${dir}/terraform-bootstrap`, terraform: `${dir}/terraform` };
}

const cache = new WeakMap<NetworkModel, TeardownPlan>();

/** What down destroys and keeps in the network's root module (the buckets and what they need stay). */
export function networkTeardownPlan(network: NetworkModel): TeardownPlan {
  let plan = cache.get(network);
  if (!plan) {
    plan = planFor(moduleArtifact(networkRootModule(network)), false);
    cache.set(network, plan);
  }
  return plan;
}

const init = (dir: string): Action => run("terraform", `-chdir=${dir}`, "init", "-input=false");

export function networkUpSteps(network: NetworkModel): Step[] {
  const paths = networkPaths(network);
  return [
    {
      id: "bootstrap",
      title: "Terraform state bucket (terraform-bootstrap, local state)",
      actions: [init(paths.bootstrap), run("terraform", `-chdir=${paths.bootstrap}`, "apply", "-input=false", "-auto-approve")],
    },
    {
      id: "terraform",
      title: network.existing ? `What the network adds to the existing VPC ${network.existing.vpcId}` : "The VPC, utility subnets, NAT gateways, routes, endpoints and flow logs",
      actions: [init(paths.terraform), run("terraform", `-chdir=${paths.terraform}`, "apply", "-input=false", "-auto-approve")],
    },
  ];
}

export function networkDownSteps(network: NetworkModel): Step[] {
  const paths = networkPaths(network);
  const plan = networkTeardownPlan(network);
  const vpc: Word = network.existing ? network.existing.vpcId : variable("vpc");
  const steps: Step[] = [
    {
      id: "in-use",
      title: `Refuse while a cluster still uses the network ${network.name}`,
      actions: [
        init(paths.terraform),
        ...(network.existing ? [] : [{ kind: "assign", name: "vpc", value: output("terraform", `-chdir=${paths.terraform}`, "output", "-raw", "vpc_id") } as const]),
        { kind: "comment", text: "each cluster of the network tags its subnets kubernetes.io/cluster/<name>; its own bin/down removes the tags" },
        {
          kind: "expect",
          command: {
            argv: ["aws", "ec2", "describe-subnets", "--region", network.region, "--filters", ["Name=vpc-id,Values=", vpc], "--query", CLUSTER_SUBNETS_QUERY, "--output", "text"],
          },
          equals: "0",
          otherwise: `a cluster still uses the network ${network.name} (a subnet of its VPC carries a kubernetes.io/cluster/ tag): tear that stack down first (out/<stack>/bin/down). Nothing was destroyed.`,
        },
      ],
    },
  ];
  if (plan.destroy.length > 0) {
    steps.push({
      id: "terraform",
      title: network.existing ? "Remove what the network added to the existing VPC; keep the buckets" : "Destroy the VPC, NAT gateways, subnets, routes and endpoints; keep the buckets",
      actions: [
        { kind: "comment", text: `kept: ${plan.keep.length} resources (the flow-log bucket with its protections); the state bucket is terraform-bootstrap's` },
        run("terraform", `-chdir=${paths.terraform}`, "destroy", "-input=false", "-auto-approve", ...plan.destroy.map((a) => `-target=${a}`)),
      ],
    });
  }
  return steps;
}

export function networkUpScript(network: NetworkModel): ScriptSpec {
  const dir = networkPaths(network).dir;
  return {
    name: "up",
    invocation: `${dir}/bin/up`,
    header: networkHeaderText(network),
    description: [
      `Brings network ${network.name} (${network.environment}) up, before any stack that uses it: RUNBOOK.md's`,
      `"First apply" commands, in order. Run it from anywhere; the commands run in the folder that holds`,
      `${dir}/. Needs AWS credentials for the network's account in ${network.region}.`,
    ],
    root: ROOT,
    steps: networkUpSteps(network),
  };
}

export function networkDownScript(network: NetworkModel): ScriptSpec {
  const dir = networkPaths(network).dir;
  const prod = network.environment === "prod";
  return {
    name: "down",
    invocation: `${dir}/bin/down`,
    header: networkHeaderText(network),
    description: [
      `Tears network ${network.name} (${network.environment}) down: RUNBOOK.md's "Teardown" commands, in order.`,
      "Refuses while a cluster still uses it (a kubernetes.io/cluster/ tag on a subnet of its VPC): tear",
      `its stacks down first. Keeps the network's buckets. Needs terraform and the aws CLI.`,
    ],
    root: ROOT,
    confirm: { question: `This destroys network ${network.name}${network.existing ? " (what stackc added to the existing VPC)" : ""}.`, answer: network.name },
    ...(prod
      ? { guard: { flag: PROD_FLAG, help: "required: this is a production network", refusal: `${network.name} is a production network: pass ${PROD_FLAG} as well to tear it down.` } }
      : {}),
    steps: networkDownSteps(network),
  };
}
