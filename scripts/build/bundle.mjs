#!/usr/bin/env node
// Build step after tsc and precompile: the CLI as one CommonJS file plus a V8 code cache for it —
//   dist/stackc.bundle.cjs        esbuild's bundle of dist/compiler/cli/main.js and its deps;
//   dist/stackc.bundle.cjs.cache  V8's compiled code for it, taken after a representative run
//                                 (check of stacks/prod.yaml), so a cold start neither resolves
//                                 ~300 modules nor parses and compiles 1.5 MB of JavaScript.
// bin/stackc.js (through bin/load-bundle.js) runs the bundle when it is at least as new as the
// tsc output and falls back to dist/compiler/cli/main.js otherwise, so a tsc-only rebuild is
// never shadowed by a stale bundle; V8 itself rejects a cache made by another Node version or
// for other source, and the bundle then compiles as usual.
//
// The sources load CommonJS packages and the generated .cjs files through
// `createRequire(import.meta.url)`; that local `require` is removed here so esbuild sees plain
// require() calls and bundles what they name (relative ones resolve from the source file). esbuild is a devDependency (installed by npm ci).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const LOCAL_REQUIRE = /^const require = createRequire\(import\.meta\.url\);$/m;

// Each module keeps its own import.meta.url — the URL its unbundled file has under dist/ — so
// whatever it locates from there (the package root, a generated .cjs beside it) is where it was.
const dist = path.join(root, "dist");
const localRequire = {
  name: "stackc-local-require",
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]compiler[\\/].*\.js$/ }, (args) => {
      const rel = path.relative(dist, args.path).split(path.sep).join("/");
      const text = readFileSync(args.path, "utf8").replace(LOCAL_REQUIRE, "").replace(/\bimport\.meta\.url\b/g, `__stackcModuleUrl(${JSON.stringify(rel)})`);
      return { contents: text, loader: "js" };
    });
  },
};

// ajv's code generator is needed only when the precompiled validator does not match the schema
// (a tsc-only build), Handlebars' compiler only for `stackc init` and a stale precompiled
// template: exactly these stay outside (their subpaths, such as handlebars/runtime, are bundled)
const compilersExternal = {
  name: "stackc-compilers-external",
  setup(b) {
    b.onResolve({ filter: /^(handlebars|ajv\/dist\/2020\.js)$/ }, (args) => ({ path: args.path, external: true }));
  },
};

// The opa-wasm SDK registers its yaml.* builtins by requiring yaml@1 (a second YAML library) at
// load: only a user policy calling yaml.marshal/unmarshal/is_valid needs it, so in the bundle the
// SDK's builtin module requires it on the first such call (the same functions, the same library)
const lazySdkYaml = {
  name: "stackc-lazy-sdk-yaml",
  setup(b) {
    b.onLoad({ filter: /[\\/]@open-policy-agent[\\/]opa-wasm[\\/]src[\\/]builtins[\\/]yaml\.js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      const eager = 'const yaml = require("yaml");';
      if (!text.includes(eager)) throw new Error(`${args.path}: expected ${eager} (opa-wasm changed; revisit stackc-lazy-sdk-yaml)`);
      const lazy = 'let yamlLib; const yaml = { parse: (s) => (yamlLib ??= require("yaml")).parse(s), stringify: (d) => (yamlLib ??= require("yaml")).stringify(d) };';
      return { contents: text.replace(eager, lazy), loader: "js", resolveDir: path.dirname(args.path) };
    });
  },
};
const outfile = path.join(root, "dist", "stackc.bundle.cjs");
rmSync(`${outfile}.cache`, { force: true });
const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // the bundled fleet runner starts the bundled worker (compiler/fleet/run.ts)
  define: { __STACKC_BUNDLE__: "true" },
  banner: { js: 'function __stackcModuleUrl(rel) { return require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href; }' },
  legalComments: "none",
  // half the bytes to read and scan at every start; names kept (errors and classes keep theirs)
  minify: true,
  keepNames: true,
  logLevel: "warning",
  plugins: [localRequire, compilersExternal, lazySdkYaml],
};
await build({ ...common, entryPoints: [path.join(root, "dist", "compiler", "cli", "main.js")], outfile });
// the fleet worker thread, bundled the same way (dist/stackc.worker.cjs)
await build({ ...common, entryPoints: [path.join(root, "dist", "compiler", "fleet", "worker.js")], outfile: path.join(root, "dist", "stackc.worker.cjs") });

// the code cache: load the bundle as bin/stackc.js does, run a representative command, then
// ask V8 for the code it compiled (functions that ran are included, not only the top level);
// --no-cache: the whole pipeline runs (a stack-cache hit would skip it), and no .stackc-cache/ is left behind
const { loadBundle } = await import(pathToFileURL(path.join(root, "bin", "load-bundle.js")).href);
const loaded = loadBundle(outfile);
const sink = { write: () => true, isTTY: false };
const code = await loaded.exports.main(["check", path.join(root, "stacks", "prod.yaml"), "--now", "2026-12-01", "--no-cache"], {
  stdout: sink,
  stderr: sink,
  env: { NO_COLOR: "1" },
  cwd: root,
});
if (code !== 0) throw new Error(`the bundle's check of stacks/prod.yaml exited ${code}`);
writeFileSync(`${outfile}.cache`, loaded.script.createCachedData());
