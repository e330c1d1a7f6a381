// YAML text → SourceNode tree with positions, or diagnostics that say exactly where the
// text is wrong. One manifest is one YAML document of plain data: no custom tags, no merge
// keys (`extends` is the supported way to share), aliases only within a size budget.
import {
  Alias,
  Composer,
  Parser,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type CST,
  type Document,
  type Node as YamlNode,
} from "yaml";
import type { Diagnostic, Position, Range } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import { MAX_TEXT_DIAGNOSTICS } from "./limits.js";
import type { MapEntry, SourceNode } from "./source-node.js";
import { findBadChar } from "./text-checks.js";
import { type ShapeLimits, type ShapeViolation, defaultShapeLimits, measureShape } from "./yaml-shape.js";

/** Nodes one document may expand to through aliases before it is treated as an alias bomb. */
export const MAX_EXPANDED_NODES = 20_000;

export interface ParsedYaml {
  node?: SourceNode;
  diagnostics: Diagnostic[];
  /** Maps offsets to positions; kept for callers that locate other things in the text. */
  positions: (offset: number) => Position;
}

export function parseYamlSource(text: string, file: string, limits: ShapeLimits = defaultShapeLimits): ParsedYaml {
  // Lines are counted here, from the text itself, not by the parser's LineCounter: after a
  // document end marker (`...`) followed by more content the parser stops reporting some line
  // breaks, and every later position was off by a line (found by the pipeline fuzzer,
  // test/fuzz/pipeline.ts). A line starts after each \n (CRLF included).
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const positions = (at: number): Position => {
    // the parser reports an error at the end of the text (an unclosed flow sequence) one past
    // the last character: clamped, so a location never points outside the file
    const offset = Math.min(Math.max(at, 0), text.length);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1, offset };
  };
  const range = (start: number, end: number): Range => ({ start: positions(start), end: positions(Math.max(start, end)) });
  const diagnostics: Diagnostic[] = [];

  // parseAllDocuments in three steps, so the tree's shape is measured before it is composed
  // (composing recurses per nesting level). Duplicate keys are found by TreeBuilder with a set:
  // the library's uniqueKeys check compares each key with every earlier one, which made a map
  // of 30,000 keys take 20 s (measured; npm run bench).
  const tokens: CST.Token[] = Array.from(new Parser().parse(text));
  // Raw non-printable characters are not YAML (1.2 §5.1); the library accepts them, stackc does
  // not.
  if (checkRawText(text, file, range, diagnostics)) return { diagnostics, positions };
  const violation = measureShape(tokens, limits);
  if (violation) {
    diagnostics.push(shapeDiagnostic(violation, limits, file, range));
    return { diagnostics, positions };
  }
  const list = Array.from(new Composer({ uniqueKeys: false, prettyErrors: false, strict: true }).compose(tokens) as Iterable<Document.Parsed>);
  const nonEmpty = list.filter((d) => d.contents !== null || d.errors.length > 0);

  for (const doc of list) {
    const reportedAt = new Set<number>();
    for (const error of doc.errors) {
      const [start, end] = error.pos;
      // one mistake often yields several parser errors at the same spot; the first says most
      if (reportedAt.has(start)) continue;
      reportedAt.add(start);
      diagnostics.push(
        diag("STK-YAML-001", `YAML syntax error: ${firstLine(error.message)}`, {
          file,
          range: range(start, end),
          hint: syntaxHints[error.code] ?? "Check the indentation and quoting around here",
        }),
      );
    }
    for (const warning of doc.warnings) {
      const [start, end] = warning.pos;
      diagnostics.push(
        warning.code === "TAG_RESOLVE_FAILED"
          ? diag("STK-YAML-008", `Unsupported YAML tag: ${firstLine(warning.message).replace(/^Unresolved tag: /, "")}`, {
              file,
              range: range(start, end),
            })
          : diag("STK-YAML-001", `YAML problem: ${firstLine(warning.message)}`, { file, range: range(start, end) }),
      );
    }
  }

  if (nonEmpty.length === 0) {
    diagnostics.push(
      diag("STK-YAML-004", "The manifest is empty", { file, range: range(0, 0) }),
    );
    return { diagnostics, positions };
  }
  if (nonEmpty.length > 1) {
    const second = nonEmpty[1]!;
    // point at the `---` that starts the second document, not at comments before it
    const marker = /^---/m.exec(text.slice(second.range[0]));
    const start = second.range[0] + (marker?.index ?? 0);
    diagnostics.push(
      diag("STK-YAML-003", `A manifest holds one YAML document; this file has ${nonEmpty.length}`, {
        file,
        range: range(start, start),
      }),
    );
  }
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics, positions };

  const doc = nonEmpty[0]!;
  const builder = new TreeBuilder(doc, file, range, diagnostics);
  const node = doc.contents === null ? undefined : builder.build(doc.contents as YamlNode);
  if (node === undefined && diagnostics.length === 0) {
    diagnostics.push(diag("STK-YAML-004", "The manifest is empty", { file, range: range(0, 0) }));
  }
  return diagnostics.some((d) => d.severity === "error") ? { diagnostics, positions } : { node, diagnostics, positions };
}

class TreeBuilder {
  private expanded = 0;
  private readonly expanding = new Set<YamlNode>();
  private bombReported = false;
  /** The alias written in the document whose expansion is under way (where a bomb is reported). */
  private outerAlias: Alias | undefined;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly file: string,
    private readonly range: (start: number, end: number) => Range,
    private readonly diagnostics: Diagnostic[],
  ) {}

  build(node: YamlNode, viaAlias = false): SourceNode | undefined {
    if (viaAlias && ++this.expanded > MAX_EXPANDED_NODES) {
      if (!this.bombReported) {
        this.bombReported = true;
        const [start, end] = this.outerAlias?.range ?? node.range ?? [0, 0];
        this.diagnostics.push(
          diag("STK-YAML-005", `Aliases expand this document beyond ${MAX_EXPANDED_NODES} nodes`, {
            file: this.file,
            range: this.range(start, end),
            hint: "Nested aliases multiply (a \"billion laughs\" document); write the values out or share them with extends",
          }),
        );
      }
      return undefined;
    }
    if (isAlias(node)) return this.buildAlias(node);
    const [start, valueEnd] = node.range ?? [0, 0];
    const range = this.range(start, valueEnd);
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === "number" && !Number.isFinite(value)) {
        this.diagnostics.push(
          diag("STK-YAML-009", `${String(node.source ?? value)} is not a finite number`, { file: this.file, range }),
        );
        return undefined;
      }
      if (value !== null && typeof value === "object") {
        // Only core-schema scalars reach here; anything else (e.g. !!binary) is not plain data.
        this.diagnostics.push(diag("STK-YAML-008", "Unsupported YAML value type", { file: this.file, range }));
        return undefined;
      }
      if (typeof value === "string" && !this.checkText(value, range, "value")) return undefined;
      return { kind: "scalar", value: value as string | number | boolean | null, file: this.file, range };
    }
    if (isSeq(node)) {
      const items: SourceNode[] = [];
      for (const item of node.items) {
        const built = this.build(item as YamlNode, viaAlias);
        if (built) items.push(built);
      }
      return { kind: "seq", items, file: this.file, range };
    }
    if (isMap(node)) {
      const entries: MapEntry[] = [];
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const keyRange = this.range(keyNode?.range?.[0] ?? start, keyNode?.range?.[1] ?? start);
        if (keyNode === null || !isScalar(keyNode) || (keyNode.value !== null && typeof keyNode.value === "object")) {
          this.diagnostics.push(
            diag("STK-YAML-007", "Map keys must be plain scalars (strings)", { file: this.file, range: keyRange }),
          );
          continue;
        }
        const key = String(keyNode.value);
        if (!this.checkText(key, keyRange, "key")) continue;
        if (seen.has(key)) {
          this.diagnostics.push(diag("STK-YAML-002", `Duplicate key ${JSON.stringify(key)}: a map may name each key only once`, { file: this.file, range: keyRange }));
          continue;
        }
        seen.add(key);
        if (key === "<<" && keyNode.source === "<<") {
          this.diagnostics.push(
            diag("STK-YAML-006", "YAML merge keys (<<) are not supported", {
              file: this.file,
              range: keyRange,
              hint: "Share settings between manifests with extends: ./base.yaml",
            }),
          );
          continue;
        }
        const valueNode = pair.value as YamlNode | null;
        const value: SourceNode | undefined =
          valueNode === null
            ? { kind: "scalar", value: null, file: this.file, range: keyRange }
            : this.build(valueNode, viaAlias);
        if (value === undefined) continue;
        // `key:` with nothing after it: point at the key, the zero-width value is invisible.
        const located =
          value.kind === "scalar" && value.value === null && value.range.start.offset === value.range.end.offset
            ? { ...value, range: keyRange }
            : value;
        entries.push({ key, keyFile: this.file, keyRange, value: located });
      }
      return { kind: "map", entries, file: this.file, range };
    }
    return undefined;
  }

  /** Refuses control characters and lone surrogates in a key or string value (escapes decoded). */
  private checkText(text: string, range: Range, what: "key" | "value"): boolean {
    const bad = findBadChar(text);
    if (!bad) return true;
    this.diagnostics.push(
      bad.kind === "surrogate"
        ? diag("STK-TEXT-002", `This ${what} contains ${bad.description}, which is not a character`, {
            file: this.file,
            range,
            hint: "A \\uD800–\\uDFFF escape must be half of a surrogate pair; write the character itself or its \\U00XXXXXX escape",
          })
        : diag("STK-TEXT-003", `This ${what} contains ${bad.description}`, {
            file: this.file,
            range,
            hint:
              bad.description.includes("carriage return")
                ? "Use \\n for line breaks; a carriage return rewrites the line a reader sees in the runbook and terminals"
                : "Control characters reach terminals, the runbook and out/; remove the escape",
          }),
    );
    return false;
  }

  private buildAlias(alias: Alias): SourceNode | undefined {
    const [start, end] = alias.range ?? [0, 0];
    const target = alias.resolve(this.doc) as YamlNode | undefined;
    if (!target || this.expanding.has(target)) {
      this.diagnostics.push(
        diag("STK-YAML-005", target ? `Alias *${alias.source} refers to itself` : `Unknown alias *${alias.source}`, {
          file: this.file,
          range: this.range(start, end),
        }),
      );
      return undefined;
    }
    this.expanding.add(target);
    const outermost = this.outerAlias === undefined;
    if (outermost) this.outerAlias = alias;
    const built = this.build(target, true);
    if (outermost) this.outerAlias = undefined;
    this.expanding.delete(target);
    return built;
  }
}

function checkRawText(text: string, file: string, range: (start: number, end: number) => Range, diagnostics: Diagnostic[]): boolean {
  let found = 0;
  for (let bad = findBadChar(text, true); bad; bad = findBadChar(text, true, bad.index + 1)) {
    if (++found > MAX_TEXT_DIAGNOSTICS) {
      const last = diagnostics[diagnostics.length - 1]!;
      last.message += ` (and more after it; only the first ${MAX_TEXT_DIAGNOSTICS} are reported)`;
      break;
    }
    const code = bad.kind === "surrogate" ? "STK-TEXT-002" : "STK-TEXT-003";
    diagnostics.push(
      diag(code, `The file contains ${bad.description}; YAML allows only printable characters`, {
        file,
        range: range(bad.index, bad.index + 1),
        hint: "Delete it, or write it as an escape inside a double-quoted string if it is text",
      }),
    );
  }
  return found > 0;
}

function shapeDiagnostic(violation: ShapeViolation, limits: ShapeLimits, file: string, range: (start: number, end: number) => Range): Diagnostic {
  const at = { file, range: range(violation.offset, violation.offset) };
  switch (violation.limit) {
    case "depth":
      return diag("STK-LIMIT-002", `Maps and lists nest deeper than ${limits.maxDepth} levels here`, { ...at, hint: "No stack needs this depth; flatten the values" });
    case "nodes":
      return diag("STK-LIMIT-003", `The file has more than ${limits.maxNodes} values; this one is past the limit`, { ...at, hint: "Split large chart values out of the manifest" });
    case "keys":
      return diag("STK-LIMIT-004", `The map starting at line ${range(violation.mapOffset, violation.mapOffset).start.line} has more than ${limits.maxMapKeys} keys; this one is past the limit`, at);
  }
}

/** Hints for the parser errors people actually make (codes from the yaml library). */
const syntaxHints: Record<string, string> = {
  BAD_INDENT: "Indent with spaces, the same number per level (two is usual)",
  TAB_AS_INDENT: "YAML does not allow tabs for indentation; use spaces",
  MULTILINE_IMPLICIT_KEY: "A value seems to continue on the next line: check that line's indentation, or quote the value",
  MISSING_CHAR: "A closing bracket, brace or quote is missing",
  UNEXPECTED_TOKEN: "Check the indentation and punctuation around here",
  BLOCK_AS_IMPLICIT_KEY: "Check the indentation: a nested block cannot be used as a key",
};

function firstLine(message: string): string {
  const line = message.split("\n")[0] ?? message;
  // yaml appends " at line N, column M" to some messages; the diagnostic carries the position.
  return line.replace(/ at line \d+, column \d+:?$/, "").replace(/\.$/, "");
}
