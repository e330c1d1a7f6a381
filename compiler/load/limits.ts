// The input limits: what one manifest file may cost stackc before it is refused with a located
// diagnostic. Each is checked before the work it protects (the size before reading, the shape
// of the parse tree before composing it), so a hostile file costs at most one bounded pass.
// Chosen far above real manifests (the example stacks are 2–4 KB, ~300 nodes, depth 7) and
// below what the later stages handle in well under a second; README "Limits" explains each.

/** Bytes per file, checked with stat before opening and again while reading (1 MiB). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Nesting depth of maps and lists in one file (Helm values rarely go past 12). */
export const MAX_DEPTH = 64;
/**
 * Values (scalars, maps, lists, keys) in one file, counted on the syntax tree. A file at this
 * limit still fits the policy engine's bound (MAX_POLICY_INPUT_NODES, which counts the values
 * twice: as written and merged into the Helmfile artifact).
 */
export const MAX_NODES = 50_000;
/** Keys in one map (parsing and schema-checking 5,000 unknown keys costs ~0.5 s of CPU). */
export const MAX_MAP_KEYS = 5_000;
/** Located diagnostics reported for bad characters in one file (a binary file has thousands). */
export const MAX_TEXT_DIAGNOSTICS = 20;
