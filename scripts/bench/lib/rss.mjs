// Preloaded into a measured child (`node --import …/rss.mjs bin/stackc.js …`): at exit, writes
// the process's peak resident set size (bytes; worker threads included, they share the process)
// to the file named by BENCH_RSS_FILE. Costs one listener; nothing is loaded before the CLI.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
