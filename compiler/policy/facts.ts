// The facts the host computes for the policies (wasm has no clock): environment, the time of
// the run, and the supported Kubernetes versions. `now` is always given by the caller (the CLI
// passes --now or the clock), so a run is reproducible.
import { type KubernetesFacts, kubernetesFacts } from "./catalog/kubernetes-versions.js";

export interface PolicyFacts {
  /** metadata.environment: "dev" | "staging" | "prod"; deny(prod) rules deny only in "prod". */
  environment: string;
  /** RFC 3339 timestamp of the run, UTC ("2026-11-21T08:00:00Z"). */
  now: string;
  /** The UTC calendar date of `now` (YYYY-MM-DD): expiry and end-of-life checks compare days. */
  today: string;
  kubernetes: KubernetesFacts;
}

export function policyFacts(environment: string, now: Date, kubernetes: KubernetesFacts = kubernetesFacts): PolicyFacts {
  const iso = now.toISOString();
  return { environment, now: `${iso.slice(0, 19)}Z`, today: iso.slice(0, 10), kubernetes };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * `--now`: an RFC 3339 timestamp (2026-11-21T08:00:00Z, offsets allowed) or a calendar date
 * (2026-11-21, meaning 00:00 UTC). Undefined for anything else, including impossible dates.
 */
export function parseNow(text: string): Date | undefined {
  const trimmed = text.trim();
  const date = DATE.exec(trimmed);
  const full = RFC3339.exec(trimmed);
  if (!date && !full) return undefined;
  const parts = (date ?? full)!;
  const [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const calendar = new Date(Date.UTC(y, m - 1, d));
  if (calendar.getUTCFullYear() !== y || calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== d) return undefined;
  if (date) return calendar;
  if (Number(full![4]) > 23 || Number(full![5]) > 59 || Number(full![6]) > 60) return undefined;
  const parsed = new Date(trimmed.replace(" ", "T"));
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}
