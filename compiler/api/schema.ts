// `stackc schema` as a function: the manifest JSON Schema shipped with stackc, read through the Io.
import type { Io } from "../io/io.js";
import { stackSchemaText } from "../validate/schema.js";

export function schema(options: { io?: Io } = {}): string {
  return stackSchemaText(...(options.io ? [options.io] : []));
}
