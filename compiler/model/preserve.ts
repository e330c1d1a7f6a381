// Paths under out/<stack>/ that a later tool owns (emitter `preserve`): `stackc bind`'s
// kops/cluster.yaml, Terraform's working files. A rebuild keeps them and verify, diff and the
// drift check never count them. An entry ending in `/` is a whole folder (terraform's `.terraform/`,
// its provider binaries included): moved into the rebuilt folder by a rename, never read or copied.
// A leaf beside VirtualFile, shared by emit, write and the fleet runner.

/** Whether `rel` (relative to out/<stack>/) is preserved: listed, or inside a listed folder. */
export function isPreserved(rel: string, preserve: readonly string[]): boolean {
  return preserve.some((p) => (p.endsWith("/") ? rel === p.slice(0, -1) || rel.startsWith(p) : rel === p));
}

/** The preserved single files. */
export function preservedFiles(preserve: readonly string[]): string[] {
  return preserve.filter((p) => !p.endsWith("/"));
}

/** The preserved folders, without their trailing `/`. */
export function preservedFolders(preserve: readonly string[]): string[] {
  return preserve.filter((p) => p.endsWith("/")).map((p) => p.slice(0, -1));
}
