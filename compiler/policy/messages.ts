// Human messages for policy findings, one formatter per rule id. The Rego returns facts
// ({id, path, data}); wording lives here, in one language, testable, and free of the SDK's
// sprintf quirks. A rule without a formatter falls back to its title (test/policy checks every
// catalog rule has one).
import { displayPath, toPointer } from "../load/pointer.js";
import type { PolicyResult } from "./evaluate.js";

export type MessageFormatter = (data: Readonly<Record<string, unknown>>, result: PolicyResult) => string;

/** A value for a message: strings quoted (JSON escapes keep control characters visible). */
function show(value: unknown): string {
  if (value === undefined) return "(none)";
  return JSON.stringify(value) ?? String(value);
}

function text(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}

function release(data: Readonly<Record<string, unknown>>): string {
  const name = show(text(data.release, "?"));
  return data.source === "addons" ? `Add-on ${name}` : `Chart release ${name}`;
}

const helmReasons: Readonly<Record<string, (data: Readonly<Record<string, unknown>>) => string>> = {
  missing: () => "has no version",
  "not-a-string": (d) =>
    d.version === null
      ? "version is null, not a string"
      : `version ${show(d.version)} is ${Array.isArray(d.version) ? "a list" : d.version !== null && typeof d.version === "object" ? "a map" : `a ${typeof d.version}`}, not a string`,
  empty: () => "has an empty version",
  whitespace: (d) => `version ${show(d.version)} has surrounding whitespace`,
  range: (d) => `version ${show(d.version)} is a range, not an exact version`,
  keyword: (d) => `version ${show(d.version)} is a moving tag, not an exact version`,
  partial: (d) => `version ${show(d.version)} is partial, so Helm resolves it like a range`,
  invalid: (d) => `version ${show(d.version)} is not a valid semantic version`,
};

export const policyMessages: Readonly<Record<string, MessageFormatter>> = {
  "STK-NET-003": (d, r) =>
    `${displayPath(toPointer(r.path))} is ${text(d.cidr, "?")}, which opens the Kubernetes API to every ${
      d.family === "ipv6" ? "IPv6" : "IPv4"
    } address`,
  "STK-HELM-001": (d) => {
    const reason = helmReasons[text(d.reason, "invalid")] ?? helmReasons.invalid!;
    return `${release(d)} ${reason(d)}`;
  },
};

/** The message for one finding; `fallback` (the rule title) when the id has no formatter. */
export function formatPolicyMessage(result: PolicyResult, fallback?: string): string {
  const format = policyMessages[result.id];
  if (format) return format(result.data, result);
  return `${fallback ?? `Policy ${result.id} failed`} at ${displayPath(toPointer(result.path))}`;
}
