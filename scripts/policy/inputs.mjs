// What the committed bundle is built from, and the digest that proves it is not stale.
//
// policies/bundle/inputs.sha256 records sha256 over: the opa version, then for every input file
// in sorted order its repository-relative path and bytes. Inputs are every non-test .rego under
// policies/ (outside the bundle folder) plus policies/capabilities.json. The file also lists each
// input's own digest so a stale bundle says which file changed.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export const POLICY_DIR = "policies";
export const BUNDLE_DIR = "policies/bundle";
export const CAPABILITIES = "policies/capabilities.json";

/** Repository-relative, `/`-separated paths of the .rego files: sources and tests, each sorted. */
export function regoFiles(root) {
  const all = [];
  const walk = (rel) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (child !== BUNDLE_DIR) walk(child);
      } else if (entry.isFile() && entry.name.endsWith(".rego")) {
        all.push(child);
      }
    }
  };
  walk(POLICY_DIR);
  all.sort();
  return {
    sources: all.filter((f) => !f.endsWith("_test.rego")),
    tests: all.filter((f) => f.endsWith("_test.rego")),
  };
}

/** The inputs of the bundle, sorted. */
export function bundleInputs(root) {
  return [...regoFiles(root).sources, CAPABILITIES].sort();
}

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** Text of inputs.sha256: the combined digest on the first line, then one line per input. */
export function inputsDigest(root, opaVersion) {
  const files = bundleInputs(root).map((file) => ({ file, bytes: readFileSync(path.join(root, file)) }));
  const combined = createHash("sha256");
  combined.update(`opa ${opaVersion}\n`);
  for (const { file, bytes } of files) {
    combined.update(`${file}\0${bytes.length}\0`);
    combined.update(bytes);
  }
  return [
    `${combined.digest("hex")}  *`,
    `opa ${opaVersion}`,
    ...files.map(({ file, bytes }) => `${sha256(bytes)}  ${file}`),
    "",
  ].join("\n");
}
