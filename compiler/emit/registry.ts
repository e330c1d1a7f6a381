// The registered emitters, in output order. Adding an emitter is one line here.
import type { Emitter } from "./emitter.js";
import { helmfileEmitter } from "./helmfile/index.js";
import { runbookEmitter } from "./runbook/emitter.js";

export const emitters: readonly Emitter[] = [helmfileEmitter, runbookEmitter];
