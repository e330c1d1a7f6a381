// load: manifest path → merged plain value + source map, following `extends`.
// The only stage besides write that reads files, and only through the Io seam.
import path from "node:path";
import type { Io } from "../io/io.js";
import type { Diagnostic, Range } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import { FileTooLargeError, NotRegularFileError } from "../io/input-errors.js";
import { MAX_FILE_BYTES } from "./limits.js";
import { mergeNodes } from "./merge.js";
import { SourceMap } from "./source-map.js";
import { entryOf, toValue, type MapNode, type SourceNode } from "./source-node.js";
import { decodeUtf8 } from "./utf8.js";
import { type Workspace, contain } from "./workspace.js";
import { parseYamlSource, type ParsedYaml } from "./yaml-source.js";

export const MAX_EXTENDS_DEPTH = 8;

/**
 * What loading needs from the Io seam: readInput (a regular file, bounded, as bytes) and
 * realpath when the Io has them (nodeIo, memory Io); plain readFile otherwise.
 */
export type LoadIo = Pick<Io, "readFile"> & Partial<Pick<Io, "readInput" | "realpath">>;

/** Caches shared by every manifest of one run (bases are read and parsed once). */
export interface LoadSession {
  cwd: string;
  io: LoadIo;
  /** Display path → text, for code frames in reporters. */
  sources: Map<string, string>;
  parsed: Map<string, Promise<ParsedFile>>;
  /** Where manifests may be read from; absent: anywhere (library callers that vouch for paths). */
  workspace?: Workspace;
}

export interface ParsedFile {
  file: string;
  parsed?: ParsedYaml;
  /** Set when the file could not be read. */
  readError?: unknown;
  /** Set when the bytes are not UTF-8. */
  decodeError?: Diagnostic;
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

export function createLoadSession(cwd: string, io: LoadIo, workspace?: Workspace): LoadSession {
  return { cwd, io, sources: new Map(), parsed: new Map(), ...(workspace ? { workspace } : {}) };
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
  let readPath = absolute;
  if (session.workspace) {
    // checked before anything is opened: a file outside is never read, so no code frame shows it
    const where = await contain(session.workspace, absolute, session.io);
    if (!where.inside) {
      const message = `${via ? "extends target " : ""}${absolute} is outside the workspace ${session.workspace.root}${where.real !== absolute ? ` (it resolves to ${where.real})` : ""}`;
      const hint = "stackc reads only files inside the workspace; pass --allow-outside <dir> to permit a folder";
      diagnostics.push(via ? diag("STK-IO-005", message, { ...via, pointer: "/extends", hint }) : diag("STK-IO-005", message, { hint }));
      return undefined;
    }
    readPath = where.real;
  }
  const loaded = await parseFile(session, absolute, readPath);
  if (loaded.readError !== undefined) {
    diagnostics.push(readDiagnostic(loaded.readError, file, via));
    return undefined;
  }
  if (loaded.decodeError) {
    diagnostics.push(loaded.decodeError);
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

function parseFile(session: LoadSession, absolute: string, readPath: string): Promise<ParsedFile> {
  let pending = session.parsed.get(absolute);
  if (!pending) {
    const file = displayPath(session.cwd, absolute);
    const io = session.io;
    const read: Promise<string | Uint8Array> = io.readInput ? io.readInput(readPath, MAX_FILE_BYTES) : io.readFile(readPath);
    pending = read.then(
      (content): ParsedFile => {
        let text: string;
        if (typeof content === "string") text = content;
        else {
          const decoded = decodeUtf8(content);
          if (!decoded.ok) {
            // the code frame shows the line with the bad byte as U+FFFD; nothing else uses this text
            session.sources.set(file, new TextDecoder().decode(content));
            return { file, decodeError: notUtf8(file, decoded.text, content[decoded.byteOffset]!) };
          }
          text = decoded.text;
        }
        session.sources.set(file, text);
        return { file, parsed: parseYamlSource(text, file) };
      },
      (err: unknown) => ({ file, readError: err }),
    );
    session.parsed.set(absolute, pending);
  }
  return pending;
}

function notUtf8(file: string, validPrefix: string, byte: number): Diagnostic {
  const lineStart = validPrefix.lastIndexOf("\n") + 1;
  const line = (validPrefix.match(/\n/g)?.length ?? 0) + 1;
  const at = { line, column: validPrefix.length - lineStart + 1, offset: validPrefix.length };
  return diag("STK-TEXT-001", `The file is not UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} here does not start a valid UTF-8 sequence`, {
    file,
    range: { start: at, end: { ...at, column: at.column + 1, offset: at.offset + 1 } },
    hint: "Save the file as UTF-8 (files saved as Latin-1 or UTF-16 are the usual cause)",
  });
}

function readDiagnostic(err: unknown, file: string, via: { file: string; range: Range } | undefined): Diagnostic {
  if (err instanceof NotRegularFileError) {
    const message = `${via ? "extends target " : ""}${file} ${err.message}`;
    return via ? diag("STK-IO-004", message, { ...via, pointer: "/extends" }) : diag("STK-IO-004", message, { file });
  }
  if (err instanceof FileTooLargeError) {
    const message = `${via ? "extends target " : ""}${file} ${err.message}`;
    const hint = "Real manifests are a few KB; move large configuration out of the manifest";
    return via ? diag("STK-LIMIT-001", message, { ...via, pointer: "/extends", hint }) : diag("STK-LIMIT-001", message, { file, hint });
  }
  if (via && (err as { code?: unknown })?.code === "ENOENT") {
    return diag("STK-LOAD-001", `extends target ${file} not found`, { ...via, hint: `The path is resolved relative to ${via.file}` });
  }
  return via
    ? diag("STK-IO-001", `Cannot read extends target ${file}: ${describeIoError(err)}`, { ...via, pointer: "/extends" })
    : diag("STK-IO-001", `Cannot read ${file}: ${describeIoError(err)}`, { file });
}

export function describeIoError(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory";
  if (code === "EACCES") return "permission denied";
  return err instanceof Error ? err.message : String(err);
}
