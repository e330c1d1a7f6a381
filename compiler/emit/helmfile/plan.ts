// Every release the stack's helmfile holds, before ordering: the enabled add-ons with their
// wired values (and settings.values merged over them), their companion releases, the disabled
// add-ons (`installed: false`, so helmfile uninstalls them), and spec.charts (those with
// `installed: false` likewise).
import { addonCatalog, type AddonInfo, type AddonKey } from "../../catalog/addons.js";
import { addonWiring, EBS_STORAGE_CLASS, PROMETHEUS_CRDS_RELEASE, releaseApiVersions, type Tier, type WiringContext } from "../../addons/wiring/index.js";
import type { AddonModel, StackModel } from "../../model/model.js";
import { deepMerge, isPlainObject, type PlainObject } from "./merge.js";

export interface ReleasePlan {
  /** `namespace/name`. */
  id: string;
  name: string;
  namespace: string;
  chart: string;
  repoUrl: string;
  /** Repository name to use when the URL is new (curated repositories keep the catalog's name). */
  repoName?: string;
  version: string;
  source: "addon" | "companion" | "chart";
  addon?: AddonKey;
  pointer: string;
  tier: Tier;
  installed: boolean;
  wait: boolean;
  timeout?: number;
  barrier: boolean;
  last: boolean;
  /** Declared needs (`namespace/name`); ordering adds the tier and last-release edges. */
  needs: string[];
  customResources: boolean;
  /**
   * Capabilities its chart's templates test that the cluster will serve (addons/wiring/api-checks.ts),
   * declared so offline renders (`helmfile template`, the first diff) match the cluster.
   */
  apiVersions: string[];
  values: PlainObject;
}

export function releaseId(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function wiringContext(model: StackModel, addon: AddonModel): WiringContext {
  const enabled = new Map(model.addons.map((a) => [a.key, a]));
  const kps = enabled.get("kubePrometheusStack");
  return {
    model,
    addon,
    release: (key) => {
      const other = enabled.get(key);
      return other ? releaseId(other.info.namespace, other.info.release) : undefined;
    },
    monitoring: kps !== undefined,
    prometheusCrds: kps ? releaseId(kps.info.namespace, PROMETHEUS_CRDS_RELEASE) : undefined,
    storageClass: enabled.has("awsEbsCsiDriver") ? EBS_STORAGE_CLASS : undefined,
  };
}

/** Where a curated add-on's release comes from: the same for installed and uninstalled ones. */
function addonRelease(info: AddonInfo, version: string, pointer: string) {
  return {
    id: releaseId(info.namespace, info.release),
    name: info.release,
    namespace: info.namespace,
    chart: info.chart,
    repoUrl: info.repo.url,
    repoName: info.repo.name,
    version,
    source: "addon" as const,
    addon: info.key,
    pointer,
    tier: addonWiring(info.key).tier,
  };
}

function addonPlans(model: StackModel, addon: AddonModel): ReleasePlan[] {
  const wiring = addonWiring(addon.key);
  const ctx = wiringContext(model, addon);
  const { info } = addon;
  const userValues = isPlainObject(addon.settings.values) ? addon.settings.values : {};
  const needs = wiring.needs(ctx);
  // The Prometheus Operator CRDs are there when this release renders only if their release
  // installs first: every tier after foundation comes after it; a foundation release must need it.
  const crdsFirst = ctx.monitoring && (wiring.tier !== "foundation" || (ctx.prometheusCrds !== undefined && needs.includes(ctx.prometheusCrds)));
  const main: ReleasePlan = {
    ...addonRelease(info, addon.version, addon.pointer),
    installed: true,
    wait: wiring.wait,
    ...(wiring.timeout !== undefined ? { timeout: wiring.timeout } : {}),
    barrier: wiring.barrier === true,
    last: wiring.last === true,
    needs,
    customResources: wiring.customResources(ctx),
    apiVersions: releaseApiVersions(addon.key, model, crdsFirst),
    values: deepMerge(wiring.values(ctx), userValues),
  };
  const companions = (wiring.companions?.(ctx) ?? []).map(
    (c): ReleasePlan => ({
      id: releaseId(c.namespace, c.name),
      name: c.name,
      namespace: c.namespace,
      chart: c.chart,
      repoUrl: c.repo.url,
      repoName: c.repo.name,
      version: c.version,
      source: "companion",
      addon: addon.key,
      pointer: addon.pointer,
      tier: c.tier,
      installed: true,
      wait: c.wait,
      barrier: false,
      last: false,
      needs: [],
      customResources: false,
      apiVersions: [],
      values: c.values,
    }),
  );
  return [main, ...companions];
}

/** An add-on present in the manifest with `enabled: false`: helmfile uninstalls its release. */
function disabledPlan(key: AddonKey, settings: Record<string, unknown>): ReleasePlan | undefined {
  const info = addonCatalog.find((a) => a.key === key);
  if (!info || typeof settings.version !== "string") return undefined;
  return {
    ...addonRelease(info, settings.version, `/spec/addons/${key}`),
    installed: false,
    wait: false,
    barrier: false,
    last: false,
    needs: [],
    customResources: false,
    apiVersions: [],
    values: {},
  };
}

export function planReleases(model: StackModel): ReleasePlan[] {
  const plans = model.addons.flatMap((addon) => addonPlans(model, addon));
  const names = new Set(plans.map((p) => p.name));
  for (const chart of model.charts) names.add(chart.name);

  const configured = model.stack.spec.addons as Record<string, Record<string, unknown> | undefined>;
  for (const info of addonCatalog) {
    const settings = configured[info.key];
    // A chart may have taken over the name of a disabled add-on; then it owns the release.
    if (!settings || settings.enabled !== false || names.has(info.release)) continue;
    const plan = disabledPlan(info.key, settings);
    if (plan) plans.push(plan);
  }

  // Release name → namespace, for `needs` entries written as a bare release name.
  const namespaceOf = new Map(plans.filter((p) => p.installed).map((p) => [p.name, p.namespace]));
  for (const chart of model.charts) namespaceOf.set(chart.name, chart.namespace);
  model.charts.forEach((chart, i) => {
    if (chart.installed === false) {
      // installed: false — helmfile uninstalls it; no values, no needs
      plans.push({
        id: releaseId(chart.namespace, chart.name),
        name: chart.name,
        namespace: chart.namespace,
        chart: chart.chart,
        repoUrl: chart.repo,
        version: chart.version,
        source: "chart",
        pointer: `/spec/charts/${i}`,
        tier: "app",
        installed: false,
        wait: false,
        barrier: false,
        last: false,
        needs: [],
        customResources: false,
        apiVersions: [],
        values: {},
      });
      return;
    }
    plans.push({
      id: releaseId(chart.namespace, chart.name),
      name: chart.name,
      namespace: chart.namespace,
      chart: chart.chart,
      repoUrl: chart.repo,
      version: chart.version,
      source: "chart",
      pointer: `/spec/charts/${i}`,
      tier: "app",
      installed: true,
      wait: chart.wait,
      ...(chart.timeout !== undefined ? { timeout: chart.timeout } : {}),
      barrier: false,
      last: false,
      // normalize checked every entry names an installed release (STK-MODEL-018)
      needs: chart.needs.map((need) => {
        if (need.includes("/")) return need;
        const namespace = namespaceOf.get(need);
        if (namespace === undefined) throw new Error(`chart ${chart.name} needs ${need}, which the stack does not install`);
        return releaseId(namespace, need);
      }),
      customResources: false,
      // the chart's own declaration (stackc does not know its templates)
      apiVersions: [...new Set(chart.apiVersions ?? [])].sort(),
      values: isPlainObject(chart.values) ? chart.values : {},
    });
  });
  return plans;
}
