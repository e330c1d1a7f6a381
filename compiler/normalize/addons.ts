// Enabled add-ons and extra charts: what each needs from the rest of the stack (other
// add-ons, IRSA, buckets), unique release names, and a `needs` graph with an install order.
import { addonCatalog, clusterAutoscalerImageTags } from "../catalog/addons.js";
import { isIamAddonKey, resolveAddonIam } from "../addons/iam/index.js";
import type { NormalizeContext } from "./context.js";
import type { AddonModel } from "../model/model.js";

export function buildAddons(ctx: NormalizeContext, kubernetesMinor: string | undefined): AddonModel[] {
  const { spec } = ctx.stack;
  const addons: AddonModel[] = [];
  const settingsOf = (key: string) => (spec.addons as Record<string, Record<string, unknown> | undefined>)[key];

  for (const info of addonCatalog) {
    const settings = settingsOf(info.key);
    if (!settings || settings.enabled === false) continue;
    const pointer = `/spec/addons/${info.key}`;
    addons.push({
      key: info.key,
      info,
      version: String(settings.version),
      settings: settings as AddonModel["settings"],
      ...(info.irsa && info.serviceAccount ? { serviceAccount: { name: info.serviceAccount, namespace: info.namespace } } : {}),
      pointer,
    });
    if (info.deprecation) ctx.report("STK-MODEL-019", info.deprecation, pointer, { prefer: "key" });
  }

  const enabled = new Set(addons.map((a) => a.key));
  for (const addon of addons) {
    for (const required of addon.info.requires ?? []) {
      if (!enabled.has(required)) {
        ctx.report("STK-MODEL-015", `${addon.key} needs the ${required} add-on, which is not enabled`, addon.pointer, {
          prefer: "key",
          hint: `Add spec.addons.${required} (or disable ${addon.key})`,
        });
      }
    }
    // cert-manager only calls AWS for Route53 DNS-01 challenges
    const needsIrsa = addon.info.irsa && !(addon.key === "certManager" && addon.settings.dns01 !== true);
    if (needsIrsa && !spec.cluster.irsa.enabled) {
      ctx.report("STK-MODEL-015", `${addon.key} gets its AWS permissions through IRSA, which is disabled`, addon.pointer, {
        prefer: "key",
        related: [ctx.related("/spec/cluster/irsa/enabled", "IRSA disabled here")],
        hint: "Enable spec.cluster.irsa (recommended), or disable the add-on",
      });
    }
  }
  if (spec.backups.enabled && !enabled.has("velero")) {
    ctx.report("STK-MODEL-015", "Backups are enabled but the velero add-on is not", "/spec/backups/enabled", {
      hint: "Add spec.addons.velero: { version: 12.1.0 }",
    });
  }

  const autoscaler = settingsOf("clusterAutoscaler");
  if (autoscaler && enabled.has("clusterAutoscaler") && autoscaler.imageTag === undefined) {
    const tag = kubernetesMinor ? clusterAutoscalerImageTags[kubernetesMinor] : undefined;
    if (tag) {
      autoscaler.imageTag = tag;
    } else if (kubernetesMinor) {
      ctx.report(
        "STK-MODEL-020",
        `stackc knows no cluster-autoscaler release for Kubernetes ${kubernetesMinor}`,
        "/spec/addons/clusterAutoscaler",
        { prefer: "key", hint: `Set spec.addons.clusterAutoscaler.imageTag to the v${kubernetesMinor}.x release` },
      );
    }
  }
  const externalSecrets = settingsOf("externalSecrets");
  if (externalSecrets && externalSecrets.secretsPrefix === undefined) externalSecrets.secretsPrefix = `${spec.cluster.name}/`;

  for (const addon of addons) {
    if (!addon.serviceAccount || !isIamAddonKey(addon.key)) continue;
    // cert-manager only calls AWS for Route53 DNS-01 challenges
    if (addon.key === "certManager" && addon.settings.dns01 !== true) {
      delete addon.serviceAccount;
      continue;
    }
    addon.iam = resolveAddonIam(addon.key, {
      clusterName: spec.cluster.name,
      region: spec.cloud.region,
      ...(spec.cloud.accountId ? { accountId: spec.cloud.accountId } : {}),
      ...(typeof externalSecrets?.secretsPrefix === "string" ? { externalSecretsPrefix: externalSecrets.secretsPrefix } : {}),
    });
  }

  checkReleases(ctx, addons);
  return addons;
}

/** Release names unique; every `needs` names a release the stack installs; no cycles. */
function checkReleases(ctx: NormalizeContext, addons: AddonModel[]): void {
  const releases = new Map<string, { namespace: string; pointer: string }>();
  for (const addon of addons) releases.set(addon.info.release, { namespace: addon.info.namespace, pointer: `${addon.pointer}` });
  const charts = ctx.stack.spec.charts;
  charts.forEach((chart, i) => {
    const pointer = `/spec/charts/${i}/name`;
    const clash = releases.get(chart.name);
    if (clash) {
      ctx.report("STK-MODEL-007", `Release name "${chart.name}" is already used`, pointer, {
        related: [ctx.related(clash.pointer, "first used here")],
      });
    } else {
      releases.set(chart.name, { namespace: chart.namespace, pointer });
    }
  });

  const edges = new Map<string, string[]>();
  charts.forEach((chart, i) => {
    const targets: string[] = [];
    chart.needs.forEach((need, n) => {
      const [namespace, name] = need.includes("/") ? (need.split("/") as [string, string]) : [undefined, need];
      const target = releases.get(name);
      if (!target || (namespace !== undefined && target.namespace !== namespace)) {
        ctx.report("STK-MODEL-018", `Chart "${chart.name}" needs "${need}", which the stack does not install`, `/spec/charts/${i}/needs/${n}`, {
          hint: `Installed releases: ${[...releases.keys()].sort().join(", ")}`,
        });
      } else {
        targets.push(name);
      }
    });
    edges.set(chart.name, targets);
  });

  // Depth-first search over chart → chart edges (add-ons never need charts).
  const state = new Map<string, "visiting" | "done">();
  const reported = new Set<string>();
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      const cycle = [...path.slice(path.indexOf(name)), name];
      const key = [...cycle].sort().join(",");
      if (!reported.has(key)) {
        reported.add(key);
        const index = charts.findIndex((c) => c.name === name);
        ctx.report("STK-MODEL-021", `needs cycle: ${cycle.join(" → ")}`, `/spec/charts/${index}/needs`, { prefer: "key" });
      }
      return;
    }
    state.set(name, "visiting");
    for (const next of edges.get(name) ?? []) if (edges.has(next)) visit(next, [...path, name]);
    state.set(name, "done");
  };
  for (const chart of charts) visit(chart.name, []);
}
