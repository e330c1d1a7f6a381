// `stackc schema` as a function: a JSON Schema shipped with stackc, read through the Io — the
// full manifest schema, or (overlay) the one for stacks with `extends` and for bases.
import { assetText } from "../assets/assets.js";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";

export interface SchemaOptions {
  /** The overlay/base schema (schema/stack-overlay.schema.json) instead of the full one. */
  overlay?: boolean;
  io?: Io;
}

export function schema(options: SchemaOptions = {}): string {
  return assetText(options.io ?? nodeIo, options.overlay ? "overlaySchema" : "schema");
}
