// Colors only where a person reads them: a TTY, unless NO_COLOR is set (https://no-color.org)
// or --no-color was given; FORCE_COLOR turns them on anywhere (CI logs that render ANSI).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const picocolors = require("picocolors") as typeof import("picocolors");

export type Colors = ReturnType<typeof picocolors.createColors>;

export function shouldUseColor(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>, flag?: boolean): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}

export function colors(enabled: boolean): Colors {
  return picocolors.createColors(enabled);
}
