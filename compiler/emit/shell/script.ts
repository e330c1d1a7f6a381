// A bash script built from a typed step list: the generator behind out/<stack>/bin/up and
// bin/down (and any other unit's scripts). It parses its flags (refusing unknown ones), checks
// every program and file it needs before anything runs, asks for confirmation when the spec says
// so, then runs the steps' commands — printed by print.ts, exactly as the runbook shows them —
// under `set -euo pipefail`, so the first failing command stops it.
import { toolsOf, type Step } from "./command.js";
import { printForScript } from "./print.js";
import { shellWord } from "./quote.js";

/** A boolean flag the script accepts. */
export interface ScriptFlag {
  /** `--yes`: lower-case words and dashes. */
  readonly flag: string;
  readonly help: string;
}

export interface ScriptSpec {
  /** The script's name in messages: `down`. */
  readonly name: string;
  /** How to run it, for the usage line: `out/dev-eu-west-1/bin/down`. */
  readonly invocation: string;
  /** The generated-file header, one comment line (without `# `). */
  readonly header: string;
  /** What it does, a few lines (help text and the comment at the top). */
  readonly description: readonly string[];
  /** From the script's folder to the folder its commands run in (the runbook's): `../../..`. */
  readonly root: string;
  /**
   * Confirmation: without `--yes`, the script asks for `answer` to be typed on a terminal and
   * refuses when stdin is not one or the answer differs.
   */
  readonly confirm?: { readonly question: string; readonly answer: string };
  /** A flag without which the script refuses at once (a production stack's teardown). */
  readonly guard?: ScriptFlag & { readonly refusal: string };
  readonly steps: readonly Step[];
  /** Lines of the help text after the flags (exit codes are added). */
  readonly notes?: readonly string[];
}

/** Exit codes every generated script documents. */
export const SCRIPT_EXIT = { usage: 2, refused: 3, missing: 4 } as const;

const FLAG = /^--[a-z]+(-[a-z]+)*$/;
const NAME = /^[a-z][a-z0-9-]*$/;

function flagVariable(flag: string): string {
  return flag.replace(/^--/, "").replace(/-/g, "_");
}

export function renderScript(spec: ScriptSpec): string {
  const flags: ScriptFlag[] = [];
  if (spec.confirm) flags.push({ flag: "--yes", help: "do not ask for confirmation (needed when stdin is not a terminal)" });
  if (spec.guard) flags.push(spec.guard);
  flags.push({ flag: "--help", help: "print this help and exit" });
  for (const f of flags) if (!FLAG.test(f.flag)) throw new Error(`bad flag ${f.flag}`);
  // the name is written into double-quoted messages below: only letters, digits and dashes
  if (!NAME.test(spec.name)) throw new Error(`bad script name ${spec.name}`);
  // the invocation goes into the single-quoted ERR trap: plain path characters only
  if (!/^[A-Za-z0-9_./-]+$/.test(spec.invocation)) throw new Error(`bad invocation ${spec.invocation}`);
  for (const s of spec.steps) if (!/^[a-z][a-z0-9-]*$/.test(s.id)) throw new Error(`bad step id ${s.id}`);
  if (new Set(spec.steps.map((s) => s.id)).size !== spec.steps.length) throw new Error("step ids must be unique");
  const say = "say";
  const lines: string[] = [];
  const emit = (...more: string[]) => lines.push(...more);

  emit("#!/usr/bin/env bash", `# ${oneLine(spec.header)}`, "#");
  for (const line of spec.description) emit(line === "" ? "#" : `# ${oneLine(line)}`);
  emit("set -euo pipefail", "");

  // help: printf with one quoted word per line, never a heredoc whose text could end it early
  const usageFlags = flags.filter((f) => f.flag !== "--help").map((f) => `[${f.flag}]`);
  const ids = spec.steps.map((s) => s.id);
  const help = [
    `Usage: ${spec.invocation} ${[...usageFlags, "[--from STEP]", "[--help]"].join(" ")}`,
    "",
    ...spec.description,
    "",
    "Options:",
    ...flags.filter((f) => f.flag !== "--help").map((f) => `  ${f.flag.padEnd(14)} ${f.help}`),
    `  ${"--from STEP".padEnd(14)} start at this step (after a failure: the one it stopped in): ${ids.join(", ")}`,
    ...flags.filter((f) => f.flag === "--help").map((f) => `  ${f.flag.padEnd(14)} ${f.help}`),
    ...(spec.notes && spec.notes.length > 0 ? ["", ...spec.notes] : []),
    "",
    "Exit status: 0 done; 2 usage error; 3 refused (not confirmed, or a flag is missing); 4 a program or",
    "file it needs is missing (nothing was run); otherwise the status of the command that failed.",
  ];
  emit("usage() {", "  printf '%s\\n' \\");
  help.forEach((line, i) => emit(`    ${shellWord(line)}${i === help.length - 1 ? "" : " \\"}`));
  emit("}", "");
  emit(`${say}() {`, "  printf '%s\\n' \"$*\" >&2", "}", "");

  // flags
  for (const f of flags) if (f.flag !== "--help") emit(`${flagVariable(f.flag)}=false`);
  emit('from=""', 'while [[ "$#" -gt 0 ]]; do', '  case "$1" in');
  for (const f of flags) if (f.flag !== "--help") emit(`    ${f.flag}) ${flagVariable(f.flag)}=true ;;`);
  emit("    --from)", '      if [[ "$#" -lt 2 ]]; then', `        ${say} ${shellWord(`${spec.name}: --from needs a step: ${ids.join(", ")}`)}`, `        exit ${SCRIPT_EXIT.usage}`, "      fi");
  emit('      from="$2"', "      shift", "      ;;", '    --from=*) from="${1#--from=}" ;;');
  emit("    -h | --help)", "      usage", "      exit 0", "      ;;");
  emit("    *)", `      ${say} ${shellWord(`${spec.name}: unknown argument:`)} "$1"`, "      usage >&2", `      exit ${SCRIPT_EXIT.usage}`, "      ;;");
  emit("  esac", "  shift", "done", "");
  // the step to start at, by number
  emit("first=1", 'case "${from}" in', `  "" | ${shellWord(ids[0]!)}) ;;`);
  ids.slice(1).forEach((id, i) => emit(`  ${shellWord(id)}) first=${i + 2} ;;`));
  emit("  *)", `    ${say} ${shellWord(`${spec.name}: --from: no step named`)} "\${from}" ${shellWord(`(steps: ${ids.join(", ")})`)}`, `    exit ${SCRIPT_EXIT.usage}`, "    ;;", "esac", "");

  if (spec.guard) {
    emit(`if [[ "\${${flagVariable(spec.guard.flag)}}" != true ]]; then`);
    emit(`  ${say} ${shellWord(`${spec.name}: ${spec.guard.refusal} Nothing was changed.`)}`, `  exit ${SCRIPT_EXIT.refused}`, "fi", "");
  }

  // the folder the runbook's commands run from
  emit(`cd "$(dirname -- "\${BASH_SOURCE[0]}")"/${shellWord(spec.root)}`, "");

  // everything it needs, before anything runs
  const tools = [...new Set(spec.steps.flatMap((s) => toolsOf(s.actions)))];
  if (tools.length === 1) {
    // one program: a loop over one word is a shellcheck warning (SC2043), so a plain test
    emit(`if ! command -v ${shellWord(tools[0]!)} >/dev/null 2>&1; then`);
    emit(`  ${say} ${shellWord(`${spec.name}: ${tools[0]!} is not on PATH. Nothing was run.`)}`, `  exit ${SCRIPT_EXIT.missing}`, "fi");
  } else if (tools.length > 1) {
    emit(`for tool in ${tools.map(shellWord).join(" ")}; do`);
    emit('  if ! command -v "${tool}" >/dev/null 2>&1; then');
    emit(`    ${say} "${spec.name}: \${tool} is not on PATH. Nothing was run."`, `    exit ${SCRIPT_EXIT.missing}`, "  fi", "done");
  }
  // the files the steps that will run need
  spec.steps.forEach((s, i) => {
    for (const r of s.requires ?? []) {
      emit(`if [[ "\${first}" -le ${i + 1} && ! -f ${shellWord(r.path)} ]]; then`);
      emit(`  ${say} ${shellWord(`${spec.name}: ${r.path} is missing: ${r.hint} Nothing was run.`)}`, `  exit ${SCRIPT_EXIT.missing}`, "fi");
    }
  });
  emit("");

  if (spec.confirm) {
    const refuse = (why: string) => [`  ${say} ${shellWord(`${spec.name}: ${why} Nothing was changed.`)}`, `  exit ${SCRIPT_EXIT.refused}`];
    emit('if [[ "${yes}" != true ]]; then', "  if [[ ! -t 0 ]]; then");
    emit(...refuse("stdin is not a terminal, so nothing can confirm: pass --yes.").map((l) => `  ${l}`), "  fi");
    emit(`  printf '%s' ${shellWord(`${spec.confirm.question} Type ${spec.confirm.answer} to continue: `)} >&2`);
    emit('  answer=""', '  read -r answer || true');
    emit(`  if [[ "\${answer}" != ${shellWord(spec.confirm.answer)} ]]; then`);
    emit(...refuse("not confirmed.").map((l) => `  ${l}`), "  fi", "fi", "");
  }

  emit(
    `step=""`,
    `trap '${say} "${spec.name}: stopped in step \${step}: the command above failed (exit $?). Fix the cause, then continue with ${spec.invocation} --from \${step}"' ERR`,
    "",
  );
  // each step on its own: everything it uses is set inside it, so --from can start at any
  spec.steps.forEach((s, i) => {
    emit(`if [[ "\${first}" -le ${i + 1} ]]; then`);
    emit(`  step=${shellWord(s.id)}`, `  ${say} ${shellWord(`==> [${i + 1}/${spec.steps.length}] ${s.title}`)}`);
    for (const action of s.actions) emit(...printForScript(action, say).map((l) => `  ${l}`));
    emit("fi", "");
  });
  emit(`${say} ${shellWord(`${spec.name}: done.`)}`);
  return `${lines.join("\n")}\n`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}
