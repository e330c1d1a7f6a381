# METADATA
# title: No plaintext secrets in Helm values
# description: >-
#   Chart and add-on values (spec.charts[*].values, spec.addons.*.values) are written to
#   out/<stack>/helmfile/values/, the folder teams commit, and printed by every reporter. A
#   secret there is leaked to everyone who can read the repository. Found: private keys (PEM
#   -----BEGIN … PRIVATE KEY-----), AWS access key ids (AKIA…, ASIA…), tokens with a known
#   prefix (GitHub ghp_/gho_/ghu_/ghs_/ghr_/github_pat_, GitLab glpat-, Slack xox?-, Stripe
#   sk_live_, Google AIza, npm npm_) and any non-empty literal string under a secret-like key
#   (password, passwd, passphrase, token, apiKey, accessKey, secretKey, secretAccessKey,
#   privateKey, clientSecret and similar, case and - _ ignored). References pass: vals URIs
#   (ref+vault://…, ref+awssecrets://…, ref+envsubst://$VAR), SOPS-encrypted values (ENC[…]),
#   the names of Kubernetes Secrets (existingSecret, passwordSecret, secretName, secretKeyRef,
#   valueFrom) and external-secrets data entries (a map with remoteRef). The finding never
#   carries the value; every reporter masks it, and a build with a secret writes nothing.
#   This rule cannot be waived.
# related_resources:
#   - ref: https://external-secrets.io/latest/
#     description: External Secrets Operator
#   - ref: https://github.com/helmfile/vals
#     description: vals, ref+ secret references that helmfile resolves at apply time
#   - ref: https://github.com/getsops/sops
#     description: SOPS, encrypted values
# custom:
#   id: STK-SEC-001
#   severity: deny
#   security_severity: "9.5"
#   tags: [security, secrets, helm]
#   remediation: >-
#     Remove the value from the manifest and rotate it (it is in the history now). Reference it
#     instead: a Kubernetes Secret the chart reads (existingSecret), an ExternalSecret, a vals
#     reference (ref+awssecrets://prod/db#password) or a SOPS-encrypted value.
#   scanners:
#     checkov: []
#     trivy: [aws-access-key-id, private-key, github-pat]
package stackc.checks.sec.stk_sec_001

# Values the user wrote: {release, source, path, values}.
sources contains s if {
	some i, chart in input.stack.spec.charts
	is_object(chart.values)
	s := {"release": object.get(chart, "name", ""), "source": "charts", "path": ["spec", "charts", i, "values"], "values": chart.values}
}

sources contains s if {
	some key, addon in input.stack.spec.addons
	is_object(addon)
	is_object(addon.values)
	s := {"release": key, "source": "addons", "path": ["spec", "addons", key, "values"], "values": addon.values}
}

deny contains v if {
	some s in sources
	walk(s.values, [p, node])
	is_string(node)
	count(p) > 0
	not reference(node)
	not in_external_secret_entry(s.values, p)
	kind := secret_kind(p[count(p) - 1], node)
	v := {
		"id": "STK-SEC-001",
		"path": array.concat(s.path, p),
		"data": {"release": s.release, "source": s.source, "kind": kind, "key": key_text(p[count(p) - 1])},
	}
}

key_text(k) := k if is_string(k)

key_text(k) := sprintf("[%d]", [k]) if is_number(k)

# What kind of secret the value is; undefined when it is none. Each regex is asked only of a
# string holding a literal the pattern requires: wasm compiles every pattern again in each
# evaluation, and most values hold none of them.
secret_kind(key, node) := "private-key" if {
	contains(node, "-----BEGIN ")
	regex.match(`-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----`, node)
} else := "aws-access-key" if {
	some prefix in aws_key_prefixes
	contains(node, prefix)
	regex.match(`(^|[^A-Z0-9])(AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}([^A-Z0-9]|$)`, node)
} else := "token" if {
	some token in token_patterns
	contains(node, token.literal)
	regex.match(token.pattern, node)
} else := "secret-key" if {
	is_string(key)
	secret_like_key(key)
	trim_space(node) != ""
}

aws_key_prefixes := ["AKIA", "ASIA", "ABIA", "ACCA"]

# Each pattern with a literal every match contains.
token_patterns := [
	{"literal": "gh", "pattern": `(^|[^A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36}`},
	{"literal": "github_pat_", "pattern": `(^|[^A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,}`},
	{"literal": "glpat-", "pattern": `(^|[^A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}`},
	{"literal": "xox", "pattern": `(^|[^A-Za-z0-9_-])xox[abposr]-[A-Za-z0-9-]{10,}`},
	{"literal": "sk_live_", "pattern": `(^|[^A-Za-z0-9_])sk_live_[A-Za-z0-9]{24,}`},
	{"literal": "AIza", "pattern": `(^|[^A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}`},
	{"literal": "npm_", "pattern": `(^|[^A-Za-z0-9_])npm_[A-Za-z0-9]{36}`},
]

# password, adminPassword, db_password, AWS_SECRET_ACCESS_KEY, clientSecret, apiKey, token …
# but not existingSecret / passwordSecret / tlsSecret: those name a Kubernetes Secret.
secret_like_key(key) if {
	k := normalized(key)
	not startswith(k, "existing")
	some suffix in secret_suffixes
	endswith(k, suffix)
}

secret_like_key(key) if normalized(key) in secret_names

normalized(key) := lower(replace(replace(replace(key, "-", ""), "_", ""), ".", ""))

secret_suffixes := {
	"password", "passwd", "passphrase", "token", "apikey", "accesskey", "secretkey",
	"secretaccesskey", "privatekey", "clientsecret", "sharedsecret", "jwtsecret",
	"cookiesecret", "webhooksecret", "signingsecret", "appsecret", "apisecret",
}

secret_names := {"secret", "pwd", "credentials"}

# Indirections resolved at apply time, not secrets themselves.
reference(node) if startswith(trim_space(node), "ref+")

reference(node) if startswith(trim_space(node), "ENC[")

# An external-secrets data entry ({secretKey, remoteRef}): secretKey names the key to create.
in_external_secret_entry(values, p) if {
	count(p) > 1
	parent := object.get(values, array.slice(p, 0, count(p) - 1), null)
	is_object(parent)
	"remoteRef" in object.keys(parent)
}
