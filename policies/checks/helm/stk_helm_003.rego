# METADATA
# title: Image overrides pinned (no latest or empty tag; a digest in prod)
# description: >-
#   Helm values that override a container image (any image: "repo:tag" string, or an image
#   map with tag, in spec.charts[*].values or spec.addons.*.values) must name a fixed tag:
#   latest, an empty tag or no tag at all change under the cluster at the next pull. In prod a
#   digest (@sha256:…, or a digest key) is preferred over a tag, which a registry can move.
#   When the Helmfile artifact is available, the merged values stackc writes are checked for
#   latest tags as well.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/containers/images/#image-names
#     description: Kubernetes, image names, tags and digests
#   - ref: https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier
#     description: Pull an image by digest
# custom:
#   id: STK-HELM-003
#   severity: warn
#   security_severity: "5.0"
#   tags: [security, supply-chain, helm, images]
#   remediation: >-
#     Set the tag to the exact version you tested (for example v1.2.3), and in prod pin the
#     digest: image: registry/app:v1.2.3@sha256:<digest> or digest: sha256:<digest>.
#   scanners:
#     checkov: []
#     trivy: [AVD-KSV-0013]
#     kics: [7c81d34c-8e5a-402b-9798-9f442630e678]
#     polaris: [tagNotSpecified]
package stackc.checks.helm.stk_helm_003

import data.stackc.lib.env
import data.stackc.lib.pointer

# Values the user wrote: {release, path, values}.
sources contains s if {
	some i, chart in input.stack.spec.charts
	is_object(chart.values)
	s := {"release": object.get(chart, "name", ""), "path": ["spec", "charts", i, "values"], "values": chart.values}
}

sources contains s if {
	some key, addon in input.stack.spec.addons
	is_object(addon.values)
	s := {"release": key, "path": ["spec", "addons", key, "values"], "values": addon.values}
}

# Every value under an "image" key: walked as the object that holds the key, so no path is
# measured per node (count(p) - 1 is decimal arithmetic in wasm).
warn contains v if {
	some s in sources
	walk(s.values, [q, parent])
	is_object(parent)
	node := parent.image
	some finding in image_problems(node)
	v := {
		"id": "STK-HELM-003",
		"path": array.concat(array.concat(s.path, q), array.concat(["image"], finding.at)),
		"data": {"release": s.release, "image": finding.image, "reason": finding.reason},
	}
}

# A "repo[:tag][@digest]" string. The tag is after the last ":" of the last path segment.
image_problems(node) := {{"at": [], "image": node, "reason": reason}} if {
	is_string(node)
	reason := string_problem(node)
}

# An image map {repository, tag, digest}: only tag settings are judged (no tag key keeps the
# chart's own default, usually its appVersion).
else := {{"at": ["tag"], "image": node.tag, "reason": reason}} if {
	is_object(node)
	is_string(node.tag)
	reason := map_problem(node)
}

else := set()

string_problem(image) := "latest" if {
	lower(tag_of(image)) == "latest"
	not digested(image)
} else := "no-tag" if {
	tag_of(image) == ""
	not digested(image)
} else := "not-digest" if {
	env.prod
	not digested(image)
}

tag_of(image) := tag if {
	segments := split(split(image, "@")[0], "/")
	last := segments[count(segments) - 1]
	parts := split(last, ":")
	tag := parts_tag(parts)
}

parts_tag(parts) := parts[1] if count(parts) > 1

else := ""

digested(image) if contains(image, "@sha256:")

map_problem(node) := "latest" if {
	lower(node.tag) == "latest"
	not map_digested(node)
} else := "empty" if {
	trim_space(node.tag) == ""
	not map_digested(node)
} else := "not-digest" if {
	env.prod
	not map_digested(node)
}

map_digested(node) if digested(node.tag)

map_digested(node) if {
	is_string(node.digest)
	node.digest != ""
}

# Defence in depth: a latest image in the values stackc itself wired (absent from the
# manifest), found in the Helmfile artifact; reported at the release's manifest entry.
warn contains v if {
	some r in input.artifacts.helmfile.releases
	r.installed == true
	walk(r.values, [q, parent])
	is_object(parent)
	node := parent.image
	some finding in image_problems(node)
	finding.reason == "latest"
	release_path := pointer.path(r.pointer)
	object.get(input.stack, array.concat(array.concat(release_path, ["values"]), array.concat(q, ["image"])), null) == null
	v := {
		"id": "STK-HELM-003",
		"path": release_path,
		"data": {"release": r.name, "image": finding.image, "reason": "latest-wired"},
	}
}
