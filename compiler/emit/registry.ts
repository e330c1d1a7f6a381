// The registered emitters, in output order. Adding an emitter is one line here.
import type { Emitter } from "./emitter.js";
import { helmfileEmitter } from "./helmfile/index.js";
import { kopsEmitter } from "./kops/index.js";
import { scriptsEmitter } from "./lifecycle/emitter.js";
import { runbookEmitter } from "./runbook/emitter.js";
import { terraformEmitter } from "./terraform/emitter.js";

export const emitters: readonly Emitter[] = [terraformEmitter, kopsEmitter, helmfileEmitter, runbookEmitter, scriptsEmitter];
