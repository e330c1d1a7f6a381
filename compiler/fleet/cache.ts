// The stack cache: what a run learned about one stack, keyed by everything its result depends
// on, in a folder that is safe to delete (default .stackc-cache/, one JSON file per stack).
//
//   key       the run's environment: cache format, stackc's build id (a hash of the compiled
//             code, written by the build), the policy bundle's hash, the policy date, the
//             output folder — one string for the whole run (runKey below);
//   manifests the stack's entry manifest and every base it extends, each with its sha256.
//
// An entry is used only when its key is the run's and every manifest still hashes as recorded,
// so an edit to a manifest or a shared base, a new stackc, a new bundle or another day each
// invalidate exactly the entries they should. A missing, unreadable or malformed entry is a
// miss, never an error; the folder is written through the Io like everything else.
import { createHash } from "node:crypto";
import path from "node:path";
import { packagePath } from "../assets/assets.js";
import type { Io } from "../io/io.js";
import { nodeIo } from "../io/node-io.js";
import { defaultBundleDir } from "../policy/engine/bundle.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

import type { FleetSummary } from "../normalize/fleet.js";

export const CACHE_FORMAT = 1;
export const DEFAULT_CACHE_DIR = ".stackc-cache";

export interface CachedStack {
  /** metadata.name */
  name: string;
  /** The stack's own findings (fleet-wide ones are recomputed from summaries each run). */
  diagnostics: Diagnostic[];
  summary: FleetSummary;
  /** sha256 of every file the stack compiles to, stackc.lock.json included (out/<name>/ relative). */
  files: Record<string, string>;
  /** Files under out/<name>/ that later tools own (kept by rebuilds, ignored by verify). */
  preserve: string[];
}

export interface CacheEntry extends CachedStack {
  format: number;
  key: string;
  /** Entry manifest (display path). */
  stack: string;
  /** Display path and sha256 of the entry manifest, then each base. */
  manifests: { path: string; sha256: string }[];
  /**
   * The stat stamps (Io FileInfo.stamp) of out/<name>/'s files, taken when a later run had
   * hashed them and found them as recorded (cached-output.ts): a file whose stamp is unchanged
   * is not read again. Absent until then, and for an Io without stamps.
   */
  stamps?: Record<string, string>;
}

export const sha256Hex = (text: string | Uint8Array): string => createHash("sha256").update(text).digest("hex");

/** The build's identity (scripts/build/precompile.mjs: a hash of dist/compiler, schema, templates); undefined when not built that way. */
export function buildId(io: Io = nodeIo): string | undefined {
  try {
    return (JSON.parse(io.readTextSync(packagePath("dist", "compiler", "build-id.generated.json"))) as { buildId?: string }).buildId;
  } catch {
    return undefined; // a tsc-only build: no cache
  }
}

/** The hash of a policy bundle: its wasm and its rule catalog. */
export function bundleHash(bundleDir: string = defaultBundleDir(), io: Io = nodeIo): string {
  return createHash("sha256").update(io.readBytesSync(path.join(bundleDir, "policy.wasm"))).update(io.readBytesSync(path.join(bundleDir, "rules.json"))).digest("hex");
}

export interface RunKeyParts {
  /** "gate" for check and build (policies run), "plain" (verify, build without policies). */
  mode: "gate" | "plain";
  /** The policy date (YYYY-MM-DD, UTC): waivers and end-of-life findings change with it. */
  today: string;
  /** The output root relative to cwd (the lock file records paths relative to it). */
  outDir: string;
  bundleDir?: string;
  /** Default: buildId(). */
  build?: string;
  io?: Io;
}

/** The run's key: everything besides the manifests that a stack's result depends on; undefined: no cache. */
export function runKey(parts: RunKeyParts): string | undefined {
  const io = parts.io ?? nodeIo;
  const build = parts.build ?? buildId(io);
  if (build === undefined) return undefined;
  const bundle = parts.mode === "gate" ? bundleHash(parts.bundleDir, io) : "";
  return sha256Hex(JSON.stringify({ format: CACHE_FORMAT, build, bundle, mode: parts.mode, today: parts.mode === "gate" ? parts.today : "", outDir: parts.outDir }));
}

export class StackCache {
  private readonly manifestHashes = new Map<string, Promise<{ text: string; sha256: string } | undefined>>();

  constructor(
    readonly dir: string,
    readonly key: string,
    private readonly cwd: string,
    private readonly io: Io = nodeIo,
  ) {}

  // one file per stack and key: check, build and verify (different keys) never evict each other
  private entryPath(stack: string): string {
    return path.join(this.dir, `${sha256Hex(`${this.key}\0${stack}`).slice(0, 40)}.json`);
  }

  /** A manifest's text and hash, read once per run (a base shared by 1000 stacks is read once). */
  manifest(display: string): Promise<{ text: string; sha256: string } | undefined> {
    let found = this.manifestHashes.get(display);
    if (!found) {
      // small local files, read synchronously: a no-op build reads 1000s of them, and each async
      // read is four round trips through libuv's thread pool (open, fstat, read, close)
      found = Promise.resolve().then(() => {
        try {
          const text = this.io.readTextSync(path.resolve(this.cwd, display));
          return { text, sha256: sha256Hex(text) };
        } catch {
          return undefined;
        }
      });
      this.manifestHashes.set(display, found);
    }
    return found;
  }

  /** The entry for a stack when it is still valid, with the texts of its manifests; else undefined. */
  async lookup(stack: string): Promise<{ entry: CacheEntry; sources: Map<string, string> } | undefined> {
    let entry: CacheEntry;
    try {
      entry = JSON.parse(this.io.readTextSync(this.entryPath(stack))) as CacheEntry;
    } catch {
      return undefined;
    }
    if (entry.format !== CACHE_FORMAT || entry.key !== this.key || entry.stack !== stack || !Array.isArray(entry.manifests)) return undefined;
    const sources = new Map<string, string>();
    for (const m of entry.manifests) {
      const now = await this.manifest(m.path);
      if (!now || now.sha256 !== m.sha256) return undefined;
      sources.set(m.path, now.text);
    }
    return { entry, sources };
  }

  /** Records a stack's result; a failure to write only costs the next run a recompile. */
  async store(stack: string, manifests: readonly string[], texts: ReadonlyMap<string, string>, result: CachedStack): Promise<void> {
    const recorded: { path: string; sha256: string }[] = [];
    for (const m of manifests) {
      const text = texts.get(m);
      if (text === undefined) return; // a manifest we did not read: not cacheable
      recorded.push({ path: m, sha256: sha256Hex(text) });
    }
    await this.write({ format: CACHE_FORMAT, key: this.key, stack, manifests: recorded, ...result });
  }

  /** An entry as it was, with the stamps of its verified output files. */
  async restamp(entry: CacheEntry, stamps: Record<string, string>): Promise<void> {
    await this.write({ ...entry, stamps });
  }

  private async write(entry: CacheEntry): Promise<void> {
    const file = this.entryPath(entry.stack);
    try {
      await this.io.mkdir(this.dir);
      const tmp = `${file}.${process.pid}.tmp`;
      await this.io.writeFile(tmp, JSON.stringify(entry));
      await this.io.rename(tmp, file);
    } catch {
      // read-only checkout, full disk: the cache is an optimisation
    }
  }
}
