// Every diagnostic code stackc itself emits (policy rule ids live in policies/ and their
// metadata in policies/bundle/rules.json). Codes are stable: never renumber, only add.
// The registry feeds `stackc explain`, the SARIF rule list and docs. The table is typed `as
// const`, so DiagnosticCode is the union of its codes and `diag()` takes only those: a typo in
// a code is a compile error (test/diagnostics/codes-typed.test.ts keeps it that way).
import type { Diagnostic, Range, RelatedLocation, Severity } from "./diagnostic.js";

export interface CodeInfo {
  code: string;
  severity: Severity;
  title: string;
  /** Why this matters and what to do, in a sentence or two (explain, SARIF help). */
  help: string;
}

const table = [
  // I/O and usage
  { code: "STK-IO-001", severity: "error", title: "Path not found", help: "A file or directory given on the command line or in extends does not exist or cannot be read." },
  { code: "STK-IO-002", severity: "error", title: "No manifests found", help: "The paths given contain no .yaml/.yml stack manifests." },
  { code: "STK-IO-003", severity: "error", title: "Cannot write output", help: "stackc could not write the generated files; nothing in the output directory was changed." },
  { code: "STK-IO-004", severity: "error", title: "Not a regular file", help: "stackc reads manifests only from regular files: a named pipe would block forever, a device (/dev/zero) never ends, a directory is not a manifest. It checks this before opening the path." },
  { code: "STK-IO-005", severity: "error", title: "Path outside the workspace", help: "Manifests and their extends targets must be inside the workspace (the git repository around the current folder, or the current folder outside a repository), after symlinks are resolved, so a manifest cannot make stackc read /etc/shadow or a neighbour's files into out/. Pass --allow-outside <dir> to permit a folder explicitly." },
  // text and size limits (compiler/load/limits.ts; README "Limits")
  { code: "STK-TEXT-001", severity: "error", title: "Not UTF-8", help: "Manifests are UTF-8. The file has a byte sequence that is not UTF-8 (often a file saved as Latin-1 or UTF-16); stackc reports the first bad byte instead of silently replacing it." },
  { code: "STK-TEXT-002", severity: "error", title: "Lone surrogate", help: "A \\uD800–\\uDFFF escape that is not half of a surrogate pair is not a character; no tool downstream can encode it." },
  { code: "STK-TEXT-003", severity: "error", title: "Control character", help: "Control characters (other than tab and line feed), carriage returns inside values and bidirectional overrides are refused: they rewrite what terminals and runbook readers see." },
  { code: "STK-LIMIT-001", severity: "error", title: "File too large", help: "A manifest file may be at most 1 MiB; it is checked before the file is read. Real manifests are a few KB; move large configuration out of the manifest." },
  { code: "STK-LIMIT-002", severity: "error", title: "Nesting too deep", help: "Maps and lists may nest at most 64 levels in one file." },
  { code: "STK-LIMIT-003", severity: "error", title: "Too many values", help: "One file may hold at most 50,000 values (keys, scalars, maps and lists)." },
  { code: "STK-LIMIT-004", severity: "error", title: "Too many keys in one map", help: "One map may have at most 5,000 keys." },
  { code: "STK-LIMIT-005", severity: "error", title: "Policy input too large", help: "The stack with its generated artifacts has more than 150,000 values, or evaluating it exhausted the policy engine's 256 MiB; the limit keeps the gate's memory and time bounded. Reduce inline chart values." },
  // YAML
  { code: "STK-YAML-001", severity: "error", title: "YAML syntax error", help: "The file is not valid YAML at this position." },
  { code: "STK-YAML-002", severity: "error", title: "Duplicate key", help: "A YAML map names the same key twice; YAML loaders disagree about which one wins, so stackc refuses both." },
  { code: "STK-YAML-003", severity: "error", title: "Several documents in one manifest", help: "A manifest is one YAML document; split the others into their own files." },
  { code: "STK-YAML-004", severity: "error", title: "Empty manifest", help: "The file holds no YAML document." },
  { code: "STK-YAML-005", severity: "error", title: "Alias problem", help: "An alias is unknown, refers to itself, or aliases expand the document beyond the size stackc accepts." },
  { code: "STK-YAML-006", severity: "error", title: "Merge key not supported", help: "YAML merge keys (<<) are a YAML 1.1 feature with inconsistent support; use extends to share settings." },
  { code: "STK-YAML-007", severity: "error", title: "Non-scalar map key", help: "Map keys must be plain strings." },
  { code: "STK-YAML-008", severity: "error", title: "Unsupported YAML tag", help: "Manifests are plain data: custom tags (!foo) and binary values are not supported." },
  { code: "STK-YAML-009", severity: "error", title: "Non-finite number", help: ".inf and .nan are not valid manifest values." },
  // extends / loading
  { code: "STK-LOAD-001", severity: "error", title: "extends target not found", help: "The file named by extends does not exist (paths are relative to the manifest that names them)." },
  { code: "STK-LOAD-002", severity: "error", title: "extends cycle", help: "Manifests extend each other in a cycle." },
  { code: "STK-LOAD-003", severity: "error", title: "Invalid extends", help: "extends must be a string path to a YAML manifest whose document is a map." },
  { code: "STK-LOAD-004", severity: "error", title: "extends chain too deep", help: "More than 8 levels of extends; flatten the chain." },
  { code: "STK-LOAD-005", severity: "info", title: "Base manifest not compiled alone", help: "A StackBase is only checked through the stacks that extend it." },
  // schema
  { code: "STK-SCHEMA-001", severity: "error", title: "Unknown property", help: "The manifest has a key the schema does not define; it is most likely a typo." },
  { code: "STK-SCHEMA-002", severity: "error", title: "Missing required property", help: "A property the schema requires is missing." },
  { code: "STK-SCHEMA-003", severity: "error", title: "Wrong type", help: "The value has the wrong type (for example a list where a map is expected, or a number where a string is expected)." },
  { code: "STK-SCHEMA-004", severity: "error", title: "Value not allowed", help: "The value is not one of the allowed values." },
  { code: "STK-SCHEMA-005", severity: "error", title: "Invalid format", help: "The value does not have the required format." },
  { code: "STK-SCHEMA-006", severity: "error", title: "Out of range", help: "A number, length or item count is outside the allowed range." },
  { code: "STK-SCHEMA-007", severity: "error", title: "Duplicate list item", help: "A list that must hold distinct items repeats one." },
  { code: "STK-SCHEMA-008", severity: "error", title: "Invalid key", help: "A key of a free-form map (tags, labels, subnets) has the wrong format." },
  { code: "STK-SCHEMA-009", severity: "error", title: "Schema violation", help: "The value does not satisfy the schema." },
  // model: the manifest is well-formed but inconsistent
  { code: "STK-MODEL-001", severity: "error", title: "CIDR has host bits set", help: "A CIDR block must start at its network address." },
  { code: "STK-MODEL-002", severity: "error", title: "VPC CIDR size", help: "AWS VPCs are /16 to /28; stackc derives subnets for /16 to /22 and needs explicit subnets otherwise." },
  { code: "STK-MODEL-003", severity: "error", title: "Subnet outside the VPC", help: "Every subnet must lie inside the VPC CIDR." },
  { code: "STK-MODEL-004", severity: "error", title: "Subnets overlap", help: "Two subnets share addresses; AWS refuses to create the second." },
  { code: "STK-MODEL-005", severity: "error", title: "Zone outside the region", help: "Availability zones are the region name plus one letter." },
  { code: "STK-MODEL-006", severity: "error", title: "Subnets for an unknown zone", help: "spec.network.subnets names a zone that is not in spec.cloud.zones." },
  { code: "STK-MODEL-007", severity: "error", title: "Duplicate name", help: "Names of node groups and Helm releases must be unique in a stack." },
  { code: "STK-MODEL-008", severity: "error", title: "min greater than max", help: "A node group's min must not exceed its max." },
  { code: "STK-MODEL-009", severity: "error", title: "Machine type", help: "A node group needs exactly one of machineType or machineTypes." },
  { code: "STK-MODEL-010", severity: "error", title: "Node group zone not in the stack", help: "A node group can only use zones listed in spec.cloud.zones." },
  { code: "STK-MODEL-011", severity: "error", title: "Cluster name outside the DNS zone", help: "kops creates the API record under the cluster name, so it must be inside spec.dns.zone." },
  { code: "STK-MODEL-012", severity: "error", title: "Bucket used twice", help: "Each bucket has one purpose; two settings name the same bucket." },
  { code: "STK-MODEL-013", severity: "error", title: "Missing bucket", help: "An enabled feature needs a bucket name." },
  { code: "STK-MODEL-014", severity: "error", title: "VPC overlaps the pod/service range", help: "kops uses 100.64.0.0/10 for pods and services (nonMasqueradeCIDR); the VPC must not overlap it." },
  { code: "STK-MODEL-015", severity: "error", title: "Add-on dependency missing", help: "A setting needs an add-on that is not enabled." },
  { code: "STK-MODEL-016", severity: "error", title: "onDemandBase above max", help: "A spot group's on-demand base cannot exceed its maximum size." },
  { code: "STK-MODEL-017", severity: "error", title: "Contradictory encryption settings", help: "kmsKeyArn only applies with encryption: sse-kms." },
  { code: "STK-MODEL-018", severity: "error", title: "Unknown release in needs", help: "A chart needs a release that the stack does not install." },
  { code: "STK-MODEL-019", severity: "warning", title: "Deprecated add-on", help: "The add-on is retired upstream and gets no more fixes; plan a replacement." },
  { code: "STK-MODEL-020", severity: "error", title: "No default for this Kubernetes version", help: "stackc has no default for a setting that depends on the Kubernetes minor; set it explicitly." },
  { code: "STK-MODEL-021", severity: "error", title: "needs cycle", help: "Releases need each other in a cycle, so there is no install order." },
  { code: "STK-MODEL-022", severity: "error", title: "KMS key in another region", help: "S3 SSE-KMS needs a key in the bucket's region." },
  { code: "STK-MODEL-023", severity: "error", title: "Derived bucket name too long", help: "A bucket stackc derives from another (a replica, a regional access-log bucket) would exceed S3's 63 characters." },
  // shared networks (kind: Network) and the stacks that use them
  { code: "STK-VPC-001", severity: "error", title: "Network manifest not usable", help: "spec.network.use names a file (relative to the manifest that writes it) that must exist, inside the workspace, and be a kind: Network manifest." },
  { code: "STK-VPC-002", severity: "error", title: "Own VPC settings and a shared network", help: "A stack either has its own VPC (spec.network.cidr, natGateways, subnets, flowLogs) or lives in a shared network (spec.network.use), whose manifest holds those settings." },
  { code: "STK-VPC-003", severity: "error", title: "Private block", help: "A stack in a shared network needs a private block: an index of the network's cluster blocks (1 and up; block 0 overlaps the utility subnets) or a CIDR of the block size inside the network, clear of the utility area." },
  { code: "STK-VPC-004", severity: "error", title: "Stack does not fit its network", help: "A stack must be in its network's region and environment and use only the network's zones." },
  { code: "STK-VPC-005", severity: "error", title: "Existing network incomplete", help: "An existing network names, for every zone, its utility subnet and NAT gateway; subnet CIDRs lie inside the VPC and do not overlap; a private subnet is named in every zone or in none." },
  { code: "STK-VPC-006", severity: "error", title: "Network CIDR", help: "A shared network's CIDR is /16 to /20, so there is room for utility subnets and several cluster blocks, and clusterBlockPrefix is longer than it." },
  // blue/green: a stack and the one it replaces (spec.replaces), side by side
  { code: "STK-BG-001", severity: "error", title: "Replaced stack not usable", help: "spec.replaces names the kind: Stack manifest of the old stack (relative to the manifest that writes it). Its Velero backups are the new stack's restore source, so it needs backups with Velero, in the same AWS account and region." },
  { code: "STK-BG-002", severity: "error", title: "Same cluster name as the replaced stack", help: "The two clusters run side by side until the cut-over; kops keys everything (state, DNS, IAM roles, tags) on the cluster name. Give the new stack its own cluster name." },
  { code: "STK-BG-003", severity: "error", title: "Same external-dns owner id as the replaced stack", help: "external-dns only changes records whose TXT ownership record carries its owner id; two clusters with one owner id delete and rewrite each other's records. Give each its own txtOwnerId (the default is the cluster name)." },
  { code: "STK-BG-004", severity: "error", title: "Same IRSA issuer as the replaced stack", help: "The OIDC discovery store is the service-account issuer: two clusters publishing to one store overwrite each other's keys, and every IRSA role of the old cluster would trust the new one's tokens. Give the new stack its own discoveryBucket." },
  { code: "STK-BG-005", severity: "error", title: "Same IAM name as the replaced stack", help: "IAM names are account-wide: the two stacks' Terraform would fight over one policy or role. They derive from the stack and cluster names; shorten or change the new stack's name so they differ." },
  { code: "STK-BG-006", severity: "error", title: "Address ranges overlap the replaced stack's", help: "The two stacks share a network: their private blocks must not overlap, or the new stack's subnets cannot be created beside the old ones." },
  { code: "STK-BG-007", severity: "error", title: "Same name as the replaced stack", help: "A stack name (out/ folder, Terraform state key), a bucket, or a private DNS zone in the shared VPC cannot belong to both stacks of a blue/green pair." },
  // several stacks compiled together
  { code: "STK-FLEET-001", severity: "error", title: "Duplicate stack name", help: "Stack names key out/<name>/ and Terraform state; they must be unique across the stacks compiled together." },
  { code: "STK-FLEET-002", severity: "error", title: "Duplicate cluster name", help: "Two stacks define the same kops cluster." },
  { code: "STK-FLEET-003", severity: "error", title: "Bucket owned by two stacks", help: "Each stack's Terraform creates its buckets; two stacks naming the same bucket would fight over it." },
  { code: "STK-FLEET-004", severity: "warning", title: "Overlapping VPC ranges in one account", help: "Two stacks of one AWS account whose VPC CIDRs overlap: the networks can never be peered, joined by a Transit Gateway or reached over one VPN. Compared only between stacks that set spec.cloud.accountId." },
  { code: "STK-FLEET-005", severity: "error", title: "Public hosted zone created by two stacks", help: "Each stack's Terraform creates its hosted zone; two public zones of one name cannot both be delegated from the parent, so one cluster's records never resolve." },
  { code: "STK-FLEET-006", severity: "error", title: "Private blocks overlap", help: "Two stacks in one network have private blocks that share addresses; their subnets would collide. Give each stack its own block." },
  // change rules: a build against a baseline (the last build, or --baseline <git-ref>)
  { code: "STK-CHANGE-001", severity: "error", title: "Kubernetes downgrade", help: "Kubernetes does not support downgrades (etcd data and stored API objects are not migrated back). Keep the running version or fix forward." },
  { code: "STK-CHANGE-002", severity: "error", title: "Control plane skips a minor", help: "The control plane moves at most one minor version per build (Kubernetes' version skew policy): upgrade minor by minor, applying each." },
  { code: "STK-CHANGE-003", severity: "error", title: "etcd member removed or renamed", help: "A build never removes or renames an etcd member, and the control-plane zone set only grows; losing quorum loses the cluster." },
  { code: "STK-CHANGE-004", severity: "error", title: "Zone removed", help: "Removing a zone deletes its subnets, NAT gateway and every instance in it; drain it first, then acknowledge the change." },
  { code: "STK-CHANGE-005", severity: "error", title: "VPC or subnet CIDR changed", help: "A CIDR cannot change in place: Terraform replaces the VPC or subnet and everything inside it." },
  { code: "STK-CHANGE-006", severity: "error", title: "Bucket replaced or deleted", help: "A bucket holds state (kops state, Terraform state, backups, logs); replacing or deleting it loses the objects unless they are copied first." },
  { code: "STK-CHANGE-007", severity: "error", title: "KMS key replaced or deleted", help: "Data encrypted with a KMS key cannot be read once the key is deleted." },
  { code: "STK-CHANGE-008", severity: "error", title: "Chart major upgrade", help: "A major chart version has breaking changes; read its upgrade notes and acknowledge the exact bump." },
  { code: "STK-CHANGE-009", severity: "error", title: "Chart downgrade", help: "Charts are not made to be downgraded (CRDs, stored objects); roll back on the cluster or acknowledge the exact downgrade." },
  { code: "STK-CHANGE-010", severity: "error", title: "Installed release removed from the manifest", help: "helmfile never uninstalls a release it no longer names. Set enabled: false (add-ons) or installed: false (charts), build and apply, then delete the entry." },
  { code: "STK-CHANGE-011", severity: "error", title: "IRSA policy removed from an installed add-on", help: "The add-on's pods lose their AWS permissions at once; uninstall the add-on first or keep its IAM access." },
  { code: "STK-CHANGE-012", severity: "warning", title: "Unused acknowledgement", help: "An acknowledgement in spec.policy.acknowledgements matches no change from the baseline; remove it so it cannot pass a future change." },
  { code: "STK-CHANGE-013", severity: "error", title: "Baseline unreadable", help: "The baseline (out/<stack>/stackc.lock.json, or the git ref given with --baseline) cannot be read, or was written by a stackc without a change record; rebuild it with this stackc." },
  // out/ in sync with the manifests (verify)
  { code: "STK-SYNC-001", severity: "error", title: "Output out of date", help: "out/ differs from what the manifests compile to now; run stackc build and commit the result." },
  { code: "STK-SYNC-002", severity: "error", title: "Generated file edited by hand", help: "A generated file no longer matches the hash stackc recorded in stackc.lock.json: someone edited it. Change the manifest instead and rebuild." },
  { code: "STK-SYNC-004", severity: "error", title: "Bound kops spec is stale", help: "kops/cluster.yaml is not the current template rendered with the Terraform outputs it was bound with (kops/binding.json): the stack changed since it was bound. stackc build re-binds it when the outputs still fit; otherwise apply the Terraform and run stackc bind." },
  { code: "STK-SYNC-005", severity: "error", title: "Bound kops spec edited by hand", help: "kops/cluster.yaml is what `kops replace -f` applies; its bytes are not what stackc bind wrote. Change the manifest, rebuild and bind instead." },
  { code: "STK-SYNC-006", severity: "warning", title: "Retired stack's output kept", help: "out/<stack>/ records a manifest that no longer exists: the stack is retired. build leaves the folder alone (its teardown needs the bound kops spec and the Terraform); tear the stack down, then delete the folder. stackc plan lists the teardown." },
  { code: "STK-SYNC-003", severity: "warning", title: "Output without a manifest", help: "A folder in out/ belongs to no stack that was checked; delete it if the stack is gone." },
  // durable writes of out/ (write/durable/): the lock, interrupted builds, leftovers
  { code: "STK-WRITE-001", severity: "error", title: "Output folder locked", help: "Another stackc is writing the same output folder (out/.stackc.lock names it: pid, host, command, start time). Builds of one out/ run one at a time; this one waited --lock-timeout seconds and wrote nothing. A lock whose process is dead on the same host is taken over by itself." },
  { code: "STK-WRITE-002", severity: "error", title: "Interrupted build in the output folder", help: "A build was killed between its commit point and the end of its swap (out/.stackc-journal.json is there), so some out/<stack>/ may be missing or still old. The next stackc build completes it before anything else." },
  { code: "STK-WRITE-003", severity: "warning", title: "Leftover of an interrupted write", help: "A staging or old folder (.stackc-tmp-*, .stackc-old-*) or a temporary file from an interrupted write is in the output folder. It is never part of the output; the next stackc build removes it." },
  { code: "STK-WRITE-004", severity: "warning", title: "Interrupted build recovered", help: "This build found what an interrupted one left in out/ and finished it first: completed its swap (every stack of it is entirely new) or undid it (entirely old), and removed its leftovers. Review the out/ diff as usual." },
  // policy gate (waivers, user policies); the catalog rules themselves live in policies/
  { code: "STK-POLICY-001", severity: "error", title: "Expired waiver", help: "A waiver in spec.policy.waivers is past its expires date, so it no longer suppresses anything. Fix what the rule reports, or renew the waiver with a new date and a reason that still holds." },
  { code: "STK-POLICY-002", severity: "error", title: "Waiver for an unknown rule", help: "spec.policy.waivers names a rule id that is not in the policy catalog (stackc explain lists a rule; docs/policies.md lists them all). Only policy rules can be waived." },
  { code: "STK-POLICY-003", severity: "warning", title: "Unused waiver", help: "A waiver matched no finding: the stack now satisfies the rule. Remove the waiver so it cannot hide a future regression." },
  { code: "STK-POLICY-004", severity: "error", title: "Malformed user policy result", help: "A user policy (--policy) returned a result stackc cannot read. deny/warn/violation rules must return a string or an object with a string msg (and optionally path, an array of keys and indexes into the manifest)." },
  { code: "STK-POLICY-005", severity: "error", title: "User policy failed", help: "Evaluating a user policy (--policy) failed, for example because it calls a builtin the wasm runtime does not provide (time.*, http.send, …)." },
  { code: "STK-POLICY-006", severity: "warning", title: "Built without the policy gate", help: "The output was written without evaluating any policy (build with skipPolicies / --skip-policies). Run stackc check on the same manifests before applying it." },
  { code: "STK-POLICY-007", severity: "error", title: "Rule cannot be waived", help: "Some rules guard what stackc writes and prints, or the waivers themselves, not a judgement about the stack: a waived plaintext secret (STK-SEC-001) would still end up in out/, and a waived waiver limit (STK-WAIVER-001) would let every waiver run forever. Fix the finding instead." },
  // bind: `terraform output -json` checked against the stack before the kops spec is bound to it
  { code: "STK-BIND-001", severity: "error", title: "Terraform output file is not JSON", help: "stackc bind reads what `terraform output -json` prints; the file is not JSON or not a JSON object." },
  { code: "STK-BIND-002", severity: "error", title: "Terraform output missing", help: "An output the kops spec needs is not in the file: apply the stack's Terraform (out/<stack>/terraform) and write the outputs again." },
  { code: "STK-BIND-003", severity: "error", title: "Terraform output has the wrong shape", help: "Each output is an object {sensitive, type, value} whose value is a string or a map of strings, as `terraform output -json` prints it." },
  { code: "STK-BIND-004", severity: "error", title: "Zones differ", help: "A per-zone output has a zone the stack does not have, or lacks one it has: the outputs come from another stack or from Terraform that is not applied with the current manifest." },
  { code: "STK-BIND-005", severity: "error", title: "Output differs from the stack", help: "An output (VPC CIDR, state store, AWS account) contradicts the manifest: the outputs belong to another stack or to an older version of this one." },
  { code: "STK-BIND-006", severity: "error", title: "Malformed AWS id", help: "The value is not an id of the expected kind (vpc-…, subnet-…, nat-…, a Route53 zone id Z…, an IAM policy ARN)." },
  { code: "STK-BIND-007", severity: "error", title: "IRSA policies differ", help: "irsa_policy_arns must hold one policy ARN per add-on with inline IAM statements in the stack, and no other." },
  { code: "STK-BIND-008", severity: "error", title: "Same id twice", help: "Two subnets of the stack got the same id; every subnet is a separate AWS resource." },
  { code: "STK-BIND-009", severity: "error", title: "bind needs one stack", help: "stackc bind binds one stack manifest (kind Stack) to one Terraform output file." },
  // build
  { code: "STK-EMIT-001", severity: "error", title: "Emitter failed", help: "An emitter could not generate its files from the stack." },
  { code: "STK-INTERNAL-001", severity: "error", title: "Internal error", help: "stackc hit a bug. Please report it with the manifest that triggers it." },
] as const satisfies readonly CodeInfo[];

/** Every code stackc's own stages emit (policy rule ids and USER-* codes are strings). */
export type DiagnosticCode = (typeof table)[number]["code"];

export const codes: ReadonlyMap<string, CodeInfo> = new Map(table.map((c) => [c.code, c]));

export interface DiagOptions {
  file?: string;
  range?: Range;
  pointer?: string;
  hint?: string;
  related?: RelatedLocation[];
  data?: Record<string, unknown>;
  severity?: Severity;
}

/** Builds a diagnostic for a registered code (severity defaults to the code's). */
export function diag(code: DiagnosticCode, message: string, options: DiagOptions = {}): Diagnostic {
  const info = codes.get(code);
  // unreachable from typed code; kept for JavaScript callers
  if (!info) throw new Error(`unregistered diagnostic code ${code}`);
  const d: Diagnostic = { code, severity: options.severity ?? info.severity, message };
  if (options.file !== undefined) d.file = options.file;
  if (options.range !== undefined) d.range = options.range;
  if (options.pointer !== undefined) d.pointer = options.pointer;
  if (options.hint !== undefined) d.hint = options.hint;
  if (options.related !== undefined && options.related.length > 0) d.related = options.related;
  if (options.data !== undefined) d.data = options.data;
  return d;
}
