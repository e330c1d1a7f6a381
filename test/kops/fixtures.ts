// Paths of the kops fixtures shared by the tests in this folder.
import { readdirSync, readFileSync } from "node:fs";
import { repoPath } from "../helpers/repo.js";

export const VALID = repoPath("test", "fixtures", "kops", "valid-private-3az.yaml");
export const CLASSIC = repoPath("test", "fixtures", "kops", "classic-api-lb.yaml");
export const BROKEN_DIR = repoPath("test", "fixtures", "kops", "broken");

export function brokenFixture(name: string): string {
  return repoPath("test", "fixtures", "kops", "broken", `${name}.yaml`);
}

/** Names (without .yaml) of every fixture in broken/. */
export function brokenFixtureNames(): string[] {
  return readdirSync(BROKEN_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

export function validText(): string {
  return readFileSync(VALID, "utf8");
}

/** `text` with one exact edit; throws unless `from` occurs exactly once (so an edit cannot miss). */
export function replaceOnce(text: string, from: string, to: string): string {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`expected exactly one ${JSON.stringify(from)}, found ${n}`);
  return text.replace(from, to);
}

/** The valid spec with one exact text edit. */
export function editValid(from: string, to: string): string {
  return replaceOnce(validText(), from, to);
}
