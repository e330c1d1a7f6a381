// Waivers (spec.policy.waivers: [{rule, reason, expires}]) applied to one stack's policy
// diagnostics. Semantics:
//   - a waiver applies to every finding of its rule in that stack, through the last day named
//     by `expires` (UTC, compared with the run's `today`); a waived finding keeps its severity
//     and location and is marked `suppressed` (reporters show it as such; it fails nothing);
//   - an expired waiver suppresses nothing and is itself an error (STK-POLICY-001), located at
//     its `expires` value;
//   - a waiver naming a rule outside the policy catalog and the user policies of the run is an
//     error (STK-POLICY-002), located at its `rule` value. A user-policy code (USER-…) is
//     waivable like a catalog rule when its policy is part of the run (--policy); in a run
//     without that policy the waiver can be neither used nor refuted, so it is left alone;
//   - a waiver for a rule that cannot be waived (STK-SEC-001) is an error (STK-POLICY-007);
//   - a valid waiver that matched no finding is a warning (STK-POLICY-003) at the entry, so
//     waivers do not outlive the problem they excuse.
// Pure: the caller gives the waivers, the date, the catalog ids and a locator.
import { diag } from "../../diagnostics/codes.js";
import type { Diagnostic, Range } from "../../diagnostics/diagnostic.js";

export interface Waiver {
  rule: string;
  reason: string;
  /** Last day the waiver applies, YYYY-MM-DD. */
  expires: string;
}

export type LocatePointer = (pointer: string) => { file: string; range: Range };

export interface WaiverContext {
  /** The run's UTC date, YYYY-MM-DD. */
  today: string;
  /** Ids that can be waived: the policy catalog's and the codes of the run's user policies. */
  rules: ReadonlySet<string>;
  locate: LocatePointer;
}

/** The waivers of a resolved manifest, skipping entries the schema would have refused. */
export function readWaivers(stack: unknown): Waiver[] {
  const list = (stack as { spec?: { policy?: { waivers?: unknown } } })?.spec?.policy?.waivers;
  if (!Array.isArray(list)) return [];
  return list.map((w) => {
    const x = (w ?? {}) as Record<string, unknown>;
    return { rule: String(x.rule ?? ""), reason: String(x.reason ?? ""), expires: String(x.expires ?? "") };
  });
}

/**
 * Rules whose findings no waiver suppresses: a waived secret would still be written to out/; a
 * waiver of the waiver-length rule would let every waiver run forever.
 */
export const UNWAIVABLE: ReadonlySet<string> = new Set(["STK-SEC-001", "STK-WAIVER-001"]);

const UNWAIVABLE_HINTS: Readonly<Record<string, string>> = {
  "STK-SEC-001": "A plaintext secret would be written to out/ and printed; remove it from the manifest and reference it instead",
  "STK-WAIVER-001": "Shorten the long waiver instead (its expires within spec.policy.maxWaiverDays), or raise maxWaiverDays in a reviewed change",
};

/**
 * Marks waived findings (returns new objects, input untouched) and appends the diagnostics
 * about the waivers themselves.
 */
export function applyWaivers(diagnostics: readonly Diagnostic[], waivers: readonly Waiver[], ctx: WaiverContext): Diagnostic[] {
  const out = diagnostics.map((d) => ({ ...d }));
  const extra: Diagnostic[] = [];
  waivers.forEach((w, i) => {
    const pointer = `/spec/policy/waivers/${i}`;
    if (!ctx.rules.has(w.rule) && isUserCode(w.rule)) return;
    if (!ctx.rules.has(w.rule)) {
      const at = ctx.locate(`${pointer}/rule`);
      extra.push(
        diag("STK-POLICY-002", `Waiver for ${w.rule}, which is not a policy rule`, {
          ...at,
          pointer: `${pointer}/rule`,
          hint: "Check the id with stackc explain <rule>; only policy catalog rules (docs/policies.md) can be waived",
          data: { rule: w.rule },
        }),
      );
      return;
    }
    if (UNWAIVABLE.has(w.rule)) {
      const at = ctx.locate(`${pointer}/rule`);
      extra.push(
        diag("STK-POLICY-007", `${w.rule} cannot be waived`, {
          ...at,
          pointer: `${pointer}/rule`,
          hint: UNWAIVABLE_HINTS[w.rule] ?? "Fix the finding instead",
          data: { rule: w.rule },
        }),
      );
      return;
    }
    if (w.expires < ctx.today) {
      const at = ctx.locate(`${pointer}/expires`);
      extra.push(
        diag("STK-POLICY-001", `Waiver for ${w.rule} expired on ${w.expires}`, {
          ...at,
          pointer: `${pointer}/expires`,
          hint: `Fix what ${w.rule} reports, or renew the waiver with a new expires date if the reason still holds`,
          data: { rule: w.rule, expires: w.expires, today: ctx.today },
        }),
      );
      return;
    }
    const entry = ctx.locate(pointer);
    let used = false;
    for (const d of out) {
      if (d.code !== w.rule || d.suppressed) continue;
      d.suppressed = { kind: "waiver", justification: w.reason, expires: w.expires, file: entry.file, range: entry.range };
      used = true;
    }
    if (!used) {
      extra.push(
        diag("STK-POLICY-003", `Waiver for ${w.rule} matches no finding`, {
          ...entry,
          pointer,
          hint: `The stack satisfies ${w.rule} now: remove the waiver`,
          data: { rule: w.rule },
        }),
      );
    }
  });
  return [...out, ...extra];
}

/** USER-<package>-<rule>: a user policy's code (policy/user/user-policies.ts userCode). */
function isUserCode(id: string): boolean {
  return id.startsWith("USER-");
}
