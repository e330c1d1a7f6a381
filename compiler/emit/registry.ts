// The registered emitters, in output order. Adding an emitter is one line here.
import type { Emitter } from "./emitter.js";

export const emitters: readonly Emitter[] = [];
