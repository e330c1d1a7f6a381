#!/usr/bin/env node
// First build step: remove dist/, so modules that were moved or deleted in the sources leave no
// stale compiled copy behind (npm pack would ship it, with a source map naming a file that no
// longer exists; an old import path would keep working by accident).
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
rmSync(path.join(root, "dist"), { recursive: true, force: true });
