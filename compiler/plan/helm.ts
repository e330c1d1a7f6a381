// Helm: releases installed, uninstalled (`installed: false`), dropped from the helmfile, chart
// version bumps (patch / minor / major / downgrade) and values changes, by `namespace/name`.
import semver from "semver";
import { type Change, cmp } from "./change.js";
import type { ChangeRecord } from "./record.js";
import { removedPointer } from "./terraform.js";

export type VersionStep = "patch" | "minor" | "major" | "downgrade" | "other";

export function versionStep(from: string, to: string): VersionStep {
  const a = semver.valid(semver.clean(from) ?? from);
  const b = semver.valid(semver.clean(to) ?? to);
  if (!a || !b) return "other";
  if (semver.lt(b, a)) return "downgrade";
  const d = semver.diff(a, b);
  if (d === "major" || d === "premajor") return semver.major(a) === 0 && semver.major(b) === 0 ? "minor" : "major";
  if (d === "minor" || d === "preminor") return semver.major(a) === 0 ? "major" : "minor";
  return "patch";
}

export interface HelmDiff {
  changes: Change[];
  /** Releases the baseline installs that the new helmfile does not name at all. */
  orphaned: { id: string; source: string; addon?: string }[];
  bumps: { id: string; from: string; to: string; step: VersionStep; pointer: string }[];
}

const stepCode: Record<VersionStep, string> = {
  patch: "CHG-HELM-PATCH",
  minor: "CHG-HELM-MINOR",
  major: "CHG-HELM-MAJOR",
  downgrade: "CHG-HELM-DOWNGRADE",
  other: "CHG-HELM-VERSION",
};

export function diffHelm(before: ChangeRecord["helm"], after: ChangeRecord["helm"]): HelmDiff {
  const changes: Change[] = [];
  const orphaned: HelmDiff["orphaned"] = [];
  const bumps: HelmDiff["bumps"] = [];
  for (const id of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(cmp)) {
    const was = before[id];
    const now = after[id];
    const target = `release ${id}`;
    if (!was) {
      if (now!.installed) changes.push({ class: "safe", code: "CHG-HELM-INSTALL", tool: "helm", target, reason: `${now!.chart} ${now!.version} is installed`, pointer: now!.pointer, to: now!.version });
      continue;
    }
    if (!now) {
      if (!was.installed) {
        changes.push({ class: "safe", code: "CHG-HELM-FORGET", tool: "helm", target, reason: "the entry of an uninstalled release is removed", pointer: removedPointer(was.pointer) });
        continue;
      }
      orphaned.push({ id, source: was.source, ...(was.addon ? { addon: was.addon } : {}) });
      changes.push({
        class: "destructive",
        code: "CHG-HELM-ORPHAN",
        tool: "helm",
        target,
        reason: `${id} disappears from the helmfile: helmfile never uninstalls it, so it keeps running unmanaged while what it depends on (IAM policy, values) goes away`,
        pointer: removedPointer(was.pointer),
      });
      continue;
    }
    if (was.installed && !now.installed) {
      changes.push({ class: "destructive", code: "CHG-HELM-UNINSTALL", tool: "helm", target, reason: `${id} is uninstalled (installed: false): its workloads and the resources it created are deleted`, pointer: now.pointer });
      continue;
    }
    if (!now.installed) continue;
    if (!was.installed) {
      changes.push({ class: "safe", code: "CHG-HELM-INSTALL", tool: "helm", target, reason: `${now.chart} ${now.version} is installed again`, pointer: now.pointer, to: now.version });
      continue;
    }
    if (was.chart !== now.chart) {
      changes.push({ class: "disruptive", code: "CHG-HELM-CHART", tool: "helm", target, reason: `the release switches chart ${was.chart} -> ${now.chart}: Helm upgrades it in place, and resources the new chart does not render are deleted`, pointer: now.pointer, from: was.chart, to: now.chart });
    }
    if (was.version !== now.version) {
      const step = versionStep(was.version, now.version);
      // a companion's version comes from the catalog; its add-on is the line to point at
      const pointer = now.source === "companion" ? now.pointer : `${now.pointer}/version`;
      bumps.push({ id, from: was.version, to: now.version, step, pointer });
      const what = step === "other" ? "version change" : step === "downgrade" ? "downgrade" : `${step} upgrade`;
      changes.push({ class: "disruptive", code: stepCode[step], tool: "helm", target, reason: `${now.chart} ${was.version} -> ${now.version} (${what}): its pods restart`, pointer, from: was.version, to: now.version });
    }
    if (was.valuesHash !== now.valuesHash) {
      changes.push({ class: "disruptive", code: "CHG-HELM-VALUES", tool: "helm", target, reason: "values change: Helm upgrades the release and pods whose spec changes restart", pointer: now.pointer });
    }
  }
  return { changes, orphaned, bumps };
}
