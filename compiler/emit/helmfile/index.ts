// The Helmfile emitter: helmfile/helmfile.yaml (repositories, helmDefaults, releases with pinned
// versions and `needs`) and helmfile/values/<release>.yaml (each release's values), plus the
// artifact policies read (see HelmfileArtifact in types.ts). Pure: the model in, virtual files out.
import { diag } from "../../diagnostics/codes.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { StackModel } from "../../model/model.js";
import type { Emitter, EmitOutput, VirtualFile } from "../emitter.js";
import { generatedHeader } from "../header.js";
import { toYaml } from "../yaml.js";
import { cloneData } from "./merge.js";
import { orderReleases } from "./order.js";
import { planReleases, type ReleasePlan } from "./plan.js";
import { Repositories } from "./repositories.js";
import { quoteForYaml11 } from "./yaml11.js";
import type { HelmDefaults, HelmfileArtifact, HelmfileDocument, HelmfileRelease, HelmfileRepository, ReleaseArtifact } from "./types.js";

export type { HelmfileArtifact, HelmfileDocument, HelmfileRelease, HelmfileRepository, ReleaseArtifact } from "./types.js";

/** Seconds per Helm operation unless a release sets its own. */
export const DEFAULT_TIMEOUT = 600;

export const HELMFILE_PATH = "helmfile/helmfile.yaml";

export const NO_HELMFILE_REASON = "the stack installs no add-ons and no charts, and uninstalls none";

/** Whether the stack gets a helmfile: it installs or uninstalls at least one release (the runbook asks too). */
export function writesHelmfile(model: StackModel): boolean {
  return planReleases(model).length > 0;
}

export function valuesPath(release: string): string {
  return `values/${release}.yaml`;
}

function helmDefaults(model: StackModel): HelmDefaults {
  return {
    kubeContext: model.clusterName,
    atomic: true,
    wait: true,
    waitForJobs: true,
    timeout: DEFAULT_TIMEOUT,
    createNamespace: true,
    historyMax: 10,
  };
}

/** Release names must be unique; a chart may collide with a companion release stackc adds. */
function nameClashes(model: StackModel, plans: readonly ReleasePlan[]): Diagnostic[] {
  const companions = new Map(plans.filter((p) => p.source === "companion").map((p) => [p.name, p]));
  const out: Diagnostic[] = [];
  model.charts.forEach((chart, i) => {
    const companion = companions.get(chart.name);
    if (!companion) return;
    out.push(
      diag("STK-MODEL-007", `Release name "${chart.name}" is already used by a release the ${companion.addon} add-on installs`, {
        file: model.file,
        pointer: `/spec/charts/${i}/name`,
        hint: "Rename the chart release",
      }),
    );
  });
  return out;
}

export function emitHelmfile(model: StackModel): EmitOutput {
  const plans = planReleases(model);
  const diagnostics = nameClashes(model, plans);
  const installed = plans.filter((p) => p.installed);
  const order = orderReleases(installed);

  // Curated repositories first (they keep the catalog's names), then the charts' by URL.
  const repositories = new Repositories();
  const curated = plans.filter((p) => p.source !== "chart");
  const charts = plans.filter((p) => p.source === "chart").sort((a, b) => (a.repoUrl < b.repoUrl ? -1 : a.repoUrl > b.repoUrl ? 1 : 0));
  const repoOf = new Map<ReleasePlan, HelmfileRepository>();
  for (const plan of [...curated, ...charts]) repoOf.set(plan, repositories.add(plan.repoUrl, plan.repoName));

  // Installed releases by install group, then name; uninstalled ones last.
  const sorted = [...plans].sort((a, b) => {
    const ga = a.installed ? order.group.get(a.id)! : Number.MAX_SAFE_INTEGER;
    const gb = b.installed ? order.group.get(b.id)! : Number.MAX_SAFE_INTEGER;
    return ga - gb || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.namespace < b.namespace ? -1 : 1);
  });

  const releases: HelmfileRelease[] = [];
  const artifacts: ReleaseArtifact[] = [];
  const files: VirtualFile[] = [];
  for (const plan of sorted) {
    const repo = repoOf.get(plan)!;
    const chart = `${repo.name}/${plan.chart}`;
    const needs = plan.installed ? order.needs.get(plan.id)! : [];
    const release: HelmfileRelease = {
      name: plan.name,
      namespace: plan.namespace,
      chart,
      version: plan.version,
      ...(plan.installed ? {} : { installed: false as const }),
      labels: { tier: plan.tier },
      ...(needs.length > 0 ? { needs } : {}),
      ...(plan.installed && plan.wait ? { wait: true as const } : {}),
      ...(plan.installed && plan.timeout !== undefined ? { timeout: plan.timeout } : {}),
      ...(plan.installed && plan.customResources ? { disableValidationOnInstall: true as const } : {}),
      ...(plan.installed && plan.apiVersions.length > 0 ? { apiVersions: [...plan.apiVersions] } : {}),
      ...(plan.installed ? { values: [valuesPath(plan.name)] } : {}),
    };
    releases.push(release);
    if (plan.installed) {
      files.push({ path: `helmfile/${valuesPath(plan.name)}`, contents: generatedHeader(model) + toYaml(quoteForYaml11(plan.values)) });
    }
    artifacts.push({
      id: plan.id,
      name: plan.name,
      namespace: plan.namespace,
      source: plan.source,
      ...(plan.addon ? { addon: plan.addon } : {}),
      pointer: plan.pointer,
      chart,
      repository: { name: repo.name, url: repo.url, oci: repo.oci === true },
      version: plan.version,
      installed: plan.installed,
      tier: plan.tier,
      group: plan.installed ? order.group.get(plan.id)! : null,
      needs: [...needs],
      wait: release.wait === true,
      disableValidationOnInstall: release.disableValidationOnInstall === true,
      apiVersions: [...(release.apiVersions ?? [])],
      valuesFile: plan.installed ? `helmfile/${valuesPath(plan.name)}` : null,
      values: cloneData(plan.values),
    });
  }

  const document: HelmfileDocument = { repositories: repositories.list(), helmDefaults: helmDefaults(model), releases };
  const artifact: HelmfileArtifact = { helmfile: cloneData(document), groups: order.groups, releases: artifacts };
  const problems = diagnostics.length > 0 ? { diagnostics } : {};
  // Nothing to install and nothing to uninstall: no helmfile at all. `releases: []` is not a
  // helmfile worth applying (helmfile finds no release to act on), and the runbook says so.
  if (releases.length === 0) return { files, artifact, omitted: [{ path: HELMFILE_PATH, reason: NO_HELMFILE_REASON }], ...problems };
  files.unshift({ path: HELMFILE_PATH, contents: generatedHeader(model) + toYaml(quoteForYaml11(document)) });
  return { files, artifact, ...problems };
}

export const helmfileEmitter: Emitter = {
  id: "helmfile",
  description: "Helmfile: the curated add-ons wired to the stack, the stack's charts, pinned and ordered",
  emit: (model) => emitHelmfile(model),
};
