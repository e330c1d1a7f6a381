// planStack: the pure planner. Baseline change record + the new one (+ the manifest's source
// map and acknowledgements) in; the classified changes, the rule findings and the rolling
// update they need out. No I/O: baselines are read by baseline.ts, formats live in format/.
import { compareDiagnostics, type Diagnostic, type Range } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import type { SourceMap } from "../load/source-map.js";
import { type Change, type ChangeClass, compareChanges } from "./change.js";
import { diffHelm } from "./helm.js";
import { diffKops } from "./kops.js";
import { type ChangeRecord, RECORD_VERSION } from "./record.js";
import { changeRules, type Violation } from "./rules.js";
import { diffTerraform } from "./terraform.js";

export interface Acknowledgement {
  rule: string;
  change: string;
  reason: string;
}

export interface PlanStackInput {
  /** Entry manifest (display path). */
  file: string;
  name: string;
  /** The last build; undefined when there is none (a first build: everything is created). */
  baseline?: ChangeRecord;
  current: ChangeRecord;
  sourceMap?: SourceMap;
  acknowledgements?: readonly Acknowledgement[];
}

export interface RollingUpdate {
  group: string;
  controlPlane: boolean;
  /** Targets of the changes that roll the group. */
  because: string[];
}

export interface StackPlan {
  file: string;
  name: string;
  hasBaseline: boolean;
  changes: Change[];
  /** Rule findings (acknowledged ones suppressed) and unused acknowledgements. */
  diagnostics: Diagnostic[];
  /** Groups to roll, control plane first. */
  rolls: RollingUpdate[];
  counts: Record<ChangeClass, number>;
}

const EMPTY: ChangeRecord = {
  version: RECORD_VERSION,
  kubernetesVersion: "",
  zones: [],
  controlPlaneZones: [],
  etcd: {},
  addons: {},
  charts: {},
  terraform: {},
  kops: { cluster: {}, instanceGroups: {} },
  helm: {},
};

export function planStack(input: PlanStackInput): StackPlan {
  const before = input.baseline ?? { ...EMPTY, kubernetesVersion: input.current.kubernetesVersion };
  const after = input.current;
  const terraform = diffTerraform(before.terraform, after.terraform);
  const kops = diffKops(before, after);
  const helm = diffHelm(before.helm, after.helm);
  const changes = [...kops.changes, ...terraform.changes, ...helm.changes].map((c) => locate(c, input)).sort(compareChanges);

  const diagnostics: Diagnostic[] = [];
  if (input.baseline) {
    const violations = changeRules.flatMap((rule) => rule.check({ before, after, terraform, kops, helm }));
    diagnostics.push(...applyAcknowledgements(violations, input).sort(compareDiagnostics));
  }
  const counts: Record<ChangeClass, number> = { safe: 0, disruptive: 0, destructive: 0 };
  for (const c of changes) counts[c.class]++;
  return { file: input.file, name: input.name, hasBaseline: input.baseline !== undefined, changes, diagnostics, rolls: rollingUpdates(changes, after), counts };
}

function locate(change: Change, input: PlanStackInput): Change {
  if (!input.sourceMap) return change;
  const at = where(input.sourceMap, change.pointer);
  return { ...change, file: at.file, range: at.range };
}

/** A value that spans lines (a block map or list) is pointed at by its key: the line a reviewer reads. */
function where(sourceMap: SourceMap, pointer: string): { file: string; range: Range } {
  const at = sourceMap.locate(pointer);
  if (at.approximate || at.range.start.line === at.range.end.line) return at;
  return sourceMap.locate(pointer, "key");
}

function applyAcknowledgements(violations: readonly Violation[], input: PlanStackInput): Diagnostic[] {
  const acks = input.acknowledgements ?? [];
  const used = new Set<number>();
  const out: Diagnostic[] = [];
  for (const v of violations) {
    const at = input.sourceMap ? where(input.sourceMap, v.pointer) : undefined;
    const i = acks.findIndex((a) => a.rule === v.code && a.change === v.change);
    const d: Diagnostic = {
      ...diag(v.code, v.message, {
        ...(at ? { file: at.file, range: at.range } : {}),
        pointer: v.pointer,
        hint: `${v.hint}. To go ahead, add to spec.policy.acknowledgements: { rule: ${v.code}, change: ${JSON.stringify(v.change)}, reason: "…" }`,
        data: { change: v.change },
      }),
      stack: input.file,
    };
    if (i >= 0) {
      used.add(i);
      const ackAt = input.sourceMap?.locate(`/spec/policy/acknowledgements/${i}`);
      d.suppressed = { kind: "acknowledgement", justification: acks[i]!.reason, ...(ackAt ? { file: ackAt.file, range: ackAt.range } : {}) };
    }
    out.push(d);
  }
  acks.forEach((a, i) => {
    if (used.has(i)) return;
    const at = input.sourceMap?.locate(`/spec/policy/acknowledgements/${i}`);
    out.push({
      ...diag("STK-CHANGE-012", `Acknowledgement of ${a.rule} "${a.change}" matches no change from the baseline`, {
        ...(at ? { file: at.file, range: at.range } : {}),
        pointer: `/spec/policy/acknowledgements/${i}`,
        hint: "The change it names is built (or was never planned); remove the acknowledgement so it cannot pass a future change",
      }),
      stack: input.file,
    });
  });
  return out;
}

function rollingUpdates(changes: readonly Change[], after: ChangeRecord): RollingUpdate[] {
  const by = new Map<string, Set<string>>();
  for (const c of changes) for (const g of c.rolls ?? []) (by.get(g) ?? by.set(g, new Set()).get(g)!).add(c.target);
  const isCp = (g: string) => after.kops.instanceGroups[g]?.role === "Master";
  return [...by.entries()]
    .map(([group, because]) => ({ group, controlPlane: isCp(group), because: [...because].sort() }))
    .sort((a, b) => Number(b.controlPlane) - Number(a.controlPlane) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
