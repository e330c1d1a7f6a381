// The context every emitter gets: the stackc version and the shipped templates, read through
// the given Io (once per Io). Emitters themselves never read anything.
import { assetText } from "../assets/assets.js";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";
import { stackcVersion } from "../version.js";
import type { EmitContext } from "./emitter.js";

export function emitContext(io: Io = nodeIo): EmitContext {
  return { stackcVersion, templates: { runbook: assetText(io, "runbookTemplate") } };
}
