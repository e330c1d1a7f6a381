// stackc — the library is the product; the CLI (compiler/cli/) only parses flags and prints.
//
// Every command is a function here with typed options and result: validate, check, build (the
// policy gate on by default), diff, verify, bind, explain, init, schema. All of them read, write
// and spawn only through the `io` option (default nodeIo), so they run in memory as well.
// Entries beside this one: "stackc/policy" (engine, catalog, waivers, user policies),
// "stackc/report" (reporters), "stackc/io" (the I/O seam), and the JSON schemas.

// commands
export { validate, type ValidateOptions, type ValidateResult } from "./api/validate.js";
export { check, PolicyInputDirError, type CheckOptions, type CheckResult } from "./api/check.js";
export { build, type BuildOptions, type BuildResult } from "./api/build.js";
export { diff, type DiffOptions, type DiffResult } from "./api/diff.js";
export { verify, type VerifyOptions, type VerifyResult } from "./api/verify.js";
export { bind, type BindOptions, type BindRunResult } from "./api/bind.js";
export { explain, type ExplainOptions, type ExplainResult } from "./api/explain.js";
export { init, type InitOptions, type InitResult } from "./api/init.js";
export { schema, type SchemaOptions } from "./api/schema.js";
export type { RunOptions, PolicyRunOptions } from "./api/options.js";

// diagnostics
export type { Diagnostic, Position, Range, RelatedLocation, Severity, StageResult, Suppression } from "./diagnostics/diagnostic.js";
export { compareDiagnostics, hasErrors, sortDiagnostics } from "./diagnostics/diagnostic.js";
export { codes, diag, type CodeInfo, type DiagnosticCode, type DiagOptions } from "./diagnostics/codes.js";

// the I/O seam
export type { DirEntryInfo, FileInfo, Io, SpawnOptions, SpawnResult, WriteOptions } from "./io/io.js";
export { nodeIo } from "./io/node-io.js";
export { createMemoryIo, type MemoryIo, type MemoryIoOptions } from "./io/memory-io.js";
export { ASSETS, assetPath, packageRoot, type AssetName } from "./assets/assets.js";

// the pipeline, stage by stage
export { compile, type CompileOptions, type CompileResult, type StackResult } from "./compile/compile.js";
export type { PolicyStage } from "./policy/stage-types.js";
export { createLoadSession, loadManifest, type LoadIo, type LoadedManifest, type LoadSession } from "./load/load.js";
export { discoverManifests, type DiscoverIo } from "./load/discover.js";
export { parseYamlSource } from "./load/yaml-source.js";
export { SourceMap, type Located, type Location } from "./load/source-map.js";
export { displayPath as displayPointer, parsePointer, toPointer } from "./load/pointer.js";
export { validateManifest } from "./validate/validate.js";
export { stackSchema, stackSchemaText, stackValidator } from "./validate/schema.js";
export { normalizeStack } from "./normalize/normalize.js";
export { deriveSubnetsFromText } from "./normalize/subnets.js";
export type { StackModel, ZoneModel, InstanceGroupModel, BucketModel, AddonModel, KmsModel } from "./model/model.js";
export type { VirtualFile } from "./model/virtual-file.js";
export { emitStack } from "./emit/emit.js";
export { emitContext } from "./emit/context.js";
export type { Emitter, EmitContext, EmitOutput, EmitTemplates } from "./emit/emitter.js";
export { emitters } from "./emit/registry.js";
export { compileAndWrite, type WriteResult } from "./write/build.js";
export { writeStackOutputs, type StackOutput } from "./write/write.js";
export { compareOutputs, type OutputComparison, type StackComparison, type FileChange } from "./write/compare.js";

// policies and reporters (also their own entries, stackc/policy and stackc/report)
export { createPolicyEngine, createPolicyStage, loadUserPolicies, loadRules, UserPolicyError, PolicyError, type PolicyEngine, type CatalogPolicyStage, type RuleMeta, type UserPolicy } from "./policy/index.js";
export { formatText, formatJson, formatSarif, formatJunit, formatGithub, reportInput, type ReportInput } from "./report/index.js";

export { scaffoldManifest, type ScaffoldOptions } from "./init/scaffold.js";
export { addonCatalog, type AddonInfo, type AddonKey } from "./catalog/addons.js";
export type { Stack, ResolvedStack } from "../schema/stack.types.js";
export { stackcVersion } from "./version.js";
