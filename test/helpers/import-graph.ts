// The import graph of compiler/, read with the TypeScript compiler's own API (TypeScript 7's
// `typescript/unstable/sync`: the Go compiler parses the project and reports each file's module
// specifiers — static imports, re-exports, dynamic import() and `import type` alike). Plus a text
// scan for createRequire-style `require("…")` calls, which are not ES imports.
import { readFileSync } from "node:fs";
import path from "node:path";
import { API } from "typescript/unstable/sync";
import { repoPath } from "./repo.js";

export interface ModuleImports {
  /** Repository-relative path, `/` separators: "compiler/load/load.ts". */
  file: string;
  /** Every module specifier as written ("node:fs", "../io/io.js", "yaml"). */
  specifiers: string[];
}

let cached: ModuleImports[] | undefined;

/** Every compiler/**.ts file of the project with its imports, sorted by file. */
export function compilerImports(): ModuleImports[] {
  if (cached) return cached;
  const root = repoPath();
  const api = new API({ cwd: root });
  try {
    const snapshot = api.updateSnapshot({ openProjects: [repoPath("tsconfig.json")] });
    const project = snapshot.getProjects()[0];
    if (!project) throw new Error("the TypeScript API opened no project for tsconfig.json");
    const out: ModuleImports[] = [];
    for (const name of project.program.getSourceFileNames()) {
      const file = path.relative(root, name).split(path.sep).join("/");
      if (!file.startsWith("compiler/") || !file.endsWith(".ts") || file.endsWith(".d.ts")) continue;
      const source = project.program.getSourceFile(name);
      if (!source) throw new Error(`no source file for ${name}`);
      const specifiers = (source.imports as unknown as readonly { text: string }[]).map((s) => s.text);
      for (const m of readFileSync(name, "utf8").matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) specifiers.push(m[1]!);
      out.push({ file, specifiers });
    }
    cached = out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return cached;
  } finally {
    api.close();
  }
}

/** A relative specifier resolved to the repository-relative .ts file it names; undefined for packages. */
export function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)).replace(/\.js$/, ".ts");
}

/** Strongly connected components with more than one member (or a self-import): the cycles. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indexOf.has(v)) visit(v);
  return found.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
