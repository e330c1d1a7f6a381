// One measured stackc run in a fresh process (so its peak memory is its own): runs the CLI's
// main() in-process with captured output and prints {wallMs, cpuMs, maxRssMiB, exit, codes}.
// Usage: node scripts/bench/lib/run-one.mjs <cwd> <stackc args...> (used by hostile.mjs)
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const { main } = await import(pathToFileURL(path.join(root, "dist/compiler/cli/main.js")).href);
const [cwd, ...args] = process.argv.slice(2);
let stdout = "";
const sink = { write: (s) => ((stdout += s), true), isTTY: false };
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const exit = await main(["check", "--now", "2026-12-01", "-f", "json", ...args], { stdout: sink, stderr: sink, env: {}, cwd });
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
let codes = [];
try {
  codes = [...new Set(JSON.parse(stdout).diagnostics.filter((d) => d.severity === "error").map((d) => d.code))];
} catch {
  codes = [stdout.slice(0, 80)];
}
process.stdout.write(
  JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024, exit, codes }) + "\n",
);
