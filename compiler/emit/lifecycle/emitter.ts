// out/<stack>/bin/up and bin/down: the runbook's first apply and teardown as two executable bash
// scripts, rendered from the same typed steps the runbook prints (steps.ts), by the one script
// generator (shell/script.ts).
import type { StackModel } from "../../model/model.js";
import type { Emitter } from "../emitter.js";
import { generatedHeader } from "../header.js";
import { renderScript, type ScriptSpec } from "../shell/script.js";
import { stackLifecycle, stackPaths } from "./steps.js";
import { teardownPlan } from "./keep.js";

/** The flag a production stack's `down` needs besides `--yes` (or the typed confirmation). */
export const PROD_FLAG = "--allow-prod";

/** From out/<stack>/bin/ to the folder the runbook's commands run in. */
const ROOT = "../../..";

function header(model: StackModel): string {
  return generatedHeader(model, "#").replace(/^# /, "").replace(/\n$/, "");
}

export function upScript(model: StackModel): ScriptSpec {
  const dir = stackPaths(model).dir;
  return {
    name: "up",
    invocation: `${dir}/bin/up`,
    header: header(model),
    description: [
      `Brings stack ${model.name} (cluster ${model.clusterName}, ${model.environment}) up from nothing, or back`,
      `after bin/down: RUNBOOK.md's "First apply" commands, in order. Run it from anywhere; the commands`,
      `run in the folder that holds ${dir}/. Needs AWS credentials for the stack's account in ${model.region}.`,
    ],
    root: ROOT,
    steps: stackLifecycle(model).up,
  };
}

export function downScript(model: StackModel): ScriptSpec {
  const dir = stackPaths(model).dir;
  const prod = model.environment === "prod";
  const kept = teardownPlan(model).keep.length;
  return {
    name: "down",
    invocation: `${dir}/bin/down`,
    header: header(model),
    description: [
      `Tears stack ${model.name} down (cluster ${model.clusterName}, ${model.environment}): RUNBOOK.md's`,
      `"Tear down" commands, in order. ${model.stack.spec.backups.enabled ? "A final Velero backup first, then" : "No final backup (backups are off), then"} the add-ons, the`,
      `cluster, and the Terraform resources but ${kept} (the buckets - state and backups - with their keys).`,
      "bin/up brings it back.",
    ],
    root: ROOT,
    confirm: { question: `This destroys stack ${model.name} (cluster ${model.clusterName}).`, answer: model.name },
    ...(prod
      ? {
          guard: {
            flag: PROD_FLAG,
            help: "required: this is a production stack",
            refusal: `${model.name} is a production stack: pass ${PROD_FLAG} as well to tear it down.`,
          },
        }
      : {}),
    steps: stackLifecycle(model).down,
  };
}

export const scriptsEmitter: Emitter = {
  id: "scripts",
  description: "bin/up and bin/down: the runbook's first apply and teardown as executable scripts",
  emit: (model) => ({
    files: [
      { path: "bin/down", contents: renderScript(downScript(model)), executable: true },
      { path: "bin/up", contents: renderScript(upScript(model)), executable: true },
    ],
  }),
};
