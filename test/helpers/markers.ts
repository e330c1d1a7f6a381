// Expected diagnostics written into fixture YAML where they point:
//
//       machineTyp: m6i.large
//   #   ^ STK-SCHEMA-001            a caret under the column, on the line after the target
//   # expect: STK-YAML-004 1:1      an explicit line:column (column 1, or no usable line)
//
// Marker lines are YAML comments, so fixtures stay valid input for everything else.
export interface ExpectedDiagnostic {
  file: string;
  line: number;
  column: number;
  code: string;
}

const caret = /^#(\s*)\^((?:\s+STK-[A-Z0-9]+-\d{3})+)\s*$/;
const explicit = /^#\s*expect:\s*(STK-[A-Z0-9]+-\d{3})\s+(\d+):(\d+)\s*$/;

export function parseMarkers(file: string, text: string): ExpectedDiagnostic[] {
  const lines = text.split("\n");
  const out: ExpectedDiagnostic[] = [];
  const isMarker = (line: string) => caret.test(line) || explicit.test(line);
  lines.forEach((line, i) => {
    const e = explicit.exec(line);
    if (e) {
      out.push({ file, code: e[1]!, line: Number(e[2]), column: Number(e[3]) });
      return;
    }
    const c = caret.exec(line);
    if (!c) return;
    let target = i - 1;
    while (target >= 0 && isMarker(lines[target]!)) target--;
    if (target < 0) throw new Error(`${file}:${i + 1}: caret marker with no line above it`);
    const column = line.indexOf("^") + 1;
    for (const code of c[2]!.trim().split(/\s+/)) out.push({ file, code, line: target + 1, column });
  });
  return out;
}

export function formatExpectation(e: ExpectedDiagnostic): string {
  return `${e.file}:${e.line}:${e.column} ${e.code}`;
}
