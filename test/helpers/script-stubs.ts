// Runs a generated bin/ script in a scratch folder laid out like the repository (the script at
// out/<stack>/bin/<name>, so it changes into the scratch root), with a hermetic PATH: recording
// stubs for every program the scripts call, and links to the few system utilities bash needs.
// Each stub appends one record to a log: its name, the folder it ran in, KOPS_STATE_STORE, and its
// arguments exactly as it received them.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const STUBBED = ["terraform", "kops", "helmfile", "kubectl", "velero", "stackc", "openssl", "date", "aws"] as const;

/** System programs the scripts (and the stubs) use besides the stubbed ones. */
const SYSTEM = ["bash", "dirname", "basename", "cat", "env"];

const STUB = `#!/usr/bin/env bash
# a recording stub: one record per call (fields split by US, records ended by RS)
name="$(basename "$0")"
{ printf '%s\\037' "\${name}" "\${PWD}" "\${KOPS_STATE_STORE:-}" "$@"; printf '\\036'; } >> "\${STUB_LOG}"
if [[ "\${STUB_FAIL:-}" == "\${name}" || "\${STUB_FAIL:-}" == "\${name} \${1:-}" ]]; then
  echo "\${name}: failing as told" >&2
  exit 7
fi
case "\${name}" in
  date) echo 20261206-120000 ;;
  openssl) echo c2VjcmV0LWZvci10ZXN0cw== ;;
  kubectl) if [[ "\${2:-}" == velero && "\${3:-}" == get ]]; then printf '%s' "\${STUB_PHASE:-Completed}"; fi ;;
  terraform) if [[ "\${2:-}" == output ]]; then echo '{}'; fi ;;
  aws) echo "\${STUB_AWS:-0}" ;;
esac
exit 0
`;

export interface Call {
  tool: string;
  cwd: string;
  kopsStateStore: string;
  args: string[];
}

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: Call[];
  root: string;
}

export interface Sandbox {
  root: string;
  /** Writes a script at out/<stack>/bin/<name> (mode 0755). */
  install(stack: string, name: string, contents: string): string;
  run(stack: string, name: string, args: string[], options?: { env?: Record<string, string>; without?: string[]; stdin?: string; tty?: boolean }): ScriptRun;
  /** Runs shell text (a runbook's code blocks) with `bash -euo pipefail` in the root, with the same stubs. */
  runText(text: string): ScriptRun;
  cleanup(): void;
}

export function sandbox(): Sandbox {
  const base = mkdtempSync(path.join(os.tmpdir(), "stackc-scripts-"));
  const root = path.join(base, "repo");
  const sys = path.join(base, "sys");
  mkdirSync(root, { recursive: true });
  mkdirSync(sys);
  for (const tool of SYSTEM) {
    const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    if (!found) throw new Error(`${tool} is not on PATH`);
    symlinkSync(found, path.join(sys, tool));
  }
  return {
    root,
    install(stack, name, contents) {
      const file = path.join(root, "out", stack, "bin", name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, contents, { mode: 0o755 });
      chmodSync(file, 0o755);
      return file;
    },
    run(stack, name, args, options = {}) {
      const stubs = path.join(base, `stubs-${Math.random().toString(36).slice(2)}`);
      mkdirSync(stubs);
      for (const tool of STUBBED) if (!(options.without ?? []).includes(tool)) writeFileSync(path.join(stubs, tool), STUB, { mode: 0o755 });
      const log = path.join(base, "calls.log");
      rmSync(log, { force: true });
      const script = path.join(root, "out", stack, "bin", name);
      const env = { PATH: `${stubs}:${sys}`, STUB_LOG: log, HOME: base, LANG: "C", ...(options.env ?? {}) };
      // a terminal on stdin: util-linux `script` runs the command on a pseudo-terminal fed from our stdin
      if (options.tty && !spawnSync("sh", ["-c", "command -v script"], { encoding: "utf8" }).stdout.trim()) {
        throw new Error("the terminal cases need util-linux `script` on PATH (Debian: bsdutils)");
      }
      const r = options.tty
        ? spawnSync("script", ["-qec", [script, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" "), "/dev/null"], {
            encoding: "utf8",
            env: { ...env, PATH: `${env.PATH}:${path.dirname(spawnSync("sh", ["-c", "command -v script"], { encoding: "utf8" }).stdout.trim())}` },
            input: options.stdin ?? "",
            timeout: 30_000,
          })
        : spawnSync(script, args, { encoding: "utf8", env, input: options.stdin ?? "", timeout: 30_000, cwd: os.tmpdir() });
      rmSync(stubs, { recursive: true, force: true });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr, calls: readCalls(log), root };
    },
    runText(text) {
      const file = path.join(base, "runbook.sh");
      writeFileSync(file, text);
      const stubs = path.join(base, "stubs-text");
      mkdirSync(stubs, { recursive: true });
      for (const tool of STUBBED) writeFileSync(path.join(stubs, tool), STUB, { mode: 0o755 });
      const log = path.join(base, "calls.log");
      rmSync(log, { force: true });
      const r = spawnSync(path.join(sys, "bash"), ["-euo", "pipefail", file], { encoding: "utf8", cwd: root, env: { PATH: `${stubs}:${sys}`, STUB_LOG: log, HOME: base, LANG: "C" }, timeout: 30_000 });
      rmSync(stubs, { recursive: true, force: true });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr, calls: readCalls(log), root };
    },
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}

function readCalls(log: string): Call[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, "utf8")
    .split("\u001e")
    .filter((r) => r !== "")
    .map((record) => {
      const [tool, cwd, kopsStateStore, ...args] = record.split("\u001f");
      args.pop(); // the field separator after the last argument
      return { tool: tool!, cwd: cwd!, kopsStateStore: kopsStateStore!, args };
    });
}

/** A call as one line, for readable assertions: `kops validate cluster --name x`. */
export function line(call: Call): string {
  return [call.tool, ...call.args].join(" ");
}
