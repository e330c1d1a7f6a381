// load: manifest path → merged plain value + source map, following `extends`.
// The only stage besides write that reads files, and only through the Io seam.
import path from "node:path";
import type { Io } from "../io/io.js";
import type { Diagnostic, Range } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import { mergeNodes } from "./merge.js";
import { SourceMap } from "./source-map.js";
import { entryOf, toValue, type MapNode, type SourceNode } from "./source-node.js";
import { parseYamlSource, type ParsedYaml } from "./yaml-source.js";

export const MAX_EXTENDS_DEPTH = 8;

/** What loading needs from the Io seam. */
export type LoadIo = Pick<Io, "readFile">;

/** Caches shared by every manifest of one run (bases are read and parsed once). */
export interface LoadSession {
  cwd: string;
  io: LoadIo;
  /** Display path → text, for code frames in reporters. */
  sources: Map<string, string>;
  parsed: Map<string, Promise<ParsedFile>>;
}

export interface ParsedFile {
  file: string;
  parsed?: ParsedYaml;
  /** Set when the file could not be read. */
  readError?: string;
}

export interface LoadedManifest {
  /** Display path of the entry manifest. */
  file: string;
  /** `kind` of the entry document, when it has one. */
  kind?: unknown;
  /** Merged manifest without `extends`; absent when the YAML could not be read. */
  value?: unknown;
  sourceMap?: SourceMap;
  /** Entry manifest first, then its bases in extends order. */
  files: string[];
  diagnostics: Diagnostic[];
}

export function createLoadSession(cwd: string, io: LoadIo): LoadSession {
  return { cwd, io, sources: new Map(), parsed: new Map() };
}

/** Path as shown to users and stored in diagnostics: relative to cwd, `/` separators. */
export function displayPath(cwd: string, absolutePath: string): string {
  const rel = path.relative(cwd, absolutePath);
  return (rel === "" ? "." : rel).split(path.sep).join("/");
}

export async function loadManifest(session: LoadSession, manifestPath: string): Promise<LoadedManifest> {
  const absolute = path.resolve(session.cwd, manifestPath);
  const file = displayPath(session.cwd, absolute);
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const root = await loadChain(session, absolute, [], diagnostics, files, undefined);
  if (!root) return { file, files, diagnostics };
  const kindEntry = root.kind === "map" ? entryOf(root, "kind") : undefined;
  const fallback = { file, range: zeroRange };
  return {
    file,
    kind: kindEntry ? toValue(kindEntry.value) : undefined,
    value: toValue(root),
    sourceMap: new SourceMap(root, fallback),
    files,
    diagnostics,
  };
}

const zeroRange: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

async function loadChain(
  session: LoadSession,
  absolute: string,
  chain: string[],
  diagnostics: Diagnostic[],
  files: string[],
  /** The `extends` value that led here, for locating errors about this file. */
  via: { file: string; range: Range } | undefined,
): Promise<SourceNode | undefined> {
  const file = displayPath(session.cwd, absolute);
  files.push(file);
  const loaded = await parseFile(session, absolute);
  if (loaded.readError !== undefined) {
    diagnostics.push(
      via
        ? diag("STK-LOAD-001", `extends target ${file} not found`, {
            ...via,
            hint: `The path is resolved relative to ${via.file}`,
          })
        : diag("STK-IO-001", `Cannot read ${file}: ${loaded.readError}`, { file }),
    );
    return undefined;
  }
  const parsed = loaded.parsed!;
  diagnostics.push(...parsed.diagnostics);
  const root = parsed.node;
  if (!root) return undefined;
  if (root.kind !== "map") {
    // Not a map: the schema reports the type error for an entry manifest; a base must be a map.
    if (via) {
      diagnostics.push(diag("STK-LOAD-003", `extends target ${file} is not a manifest (its document is not a map)`, via));
      return undefined;
    }
    return root;
  }
  const extendsEntry = entryOf(root, "extends");
  if (!extendsEntry) return root;
  const own: MapNode = { ...root, entries: root.entries.filter((e) => e.key !== "extends") };
  const target = extendsEntry.value;
  const at = { file: target.file, range: target.range };
  if (target.kind !== "scalar" || typeof target.value !== "string" || target.value.trim() === "") {
    diagnostics.push(diag("STK-LOAD-003", "extends must be a path to a base manifest", { ...at, pointer: "/extends" }));
    return own;
  }
  const baseAbsolute = path.resolve(path.dirname(absolute), target.value);
  const nextChain = [...chain, absolute];
  if (nextChain.includes(baseAbsolute)) {
    const cycle = [...nextChain.slice(nextChain.indexOf(baseAbsolute)), baseAbsolute].map((p) => displayPath(session.cwd, p));
    diagnostics.push(
      diag("STK-LOAD-002", `extends cycle: ${cycle.join(" → ")}`, { ...at, pointer: "/extends", hint: "Remove extends from one of these manifests" }),
    );
    return own;
  }
  if (nextChain.length > MAX_EXTENDS_DEPTH) {
    diagnostics.push(diag("STK-LOAD-004", `More than ${MAX_EXTENDS_DEPTH} levels of extends`, { ...at, pointer: "/extends" }));
    return own;
  }
  const base = await loadChain(session, baseAbsolute, nextChain, diagnostics, files, at);
  if (!base) return own;
  return mergeNodes(base, own);
}

function parseFile(session: LoadSession, absolute: string): Promise<ParsedFile> {
  let pending = session.parsed.get(absolute);
  if (!pending) {
    const file = displayPath(session.cwd, absolute);
    pending = session.io.readFile(absolute).then(
      (text) => {
        session.sources.set(file, text);
        return { file, parsed: parseYamlSource(text, file) };
      },
      (err: unknown) => ({ file, readError: describeIoError(err) }),
    );
    session.parsed.set(absolute, pending);
  }
  return pending;
}

export function describeIoError(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory";
  if (code === "EACCES") return "permission denied";
  return err instanceof Error ? err.message : String(err);
}
