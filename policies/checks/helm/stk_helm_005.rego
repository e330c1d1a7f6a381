# METADATA
# title: ALB Ingresses of ClusterIP services use IP targets
# description: >-
#   An Ingress of class alb is served by the AWS Load Balancer Controller, whose default target
#   type is instance: the ALB sends traffic to a NodePort on every node. A ClusterIP Service has
#   no NodePort, so the controller refuses the Ingress (and no load balancer is ever created)
#   unless the Ingress is annotated alb.ingress.kubernetes.io/target-type ip, which targets the
#   pods directly, or the controller's defaultTargetType is ip. Checked in the merged values of
#   every installed release (curated add-ons and spec.charts, from the Helmfile artifact): any
#   ingress map with enabled true and class alb (className, ingressClassName or the
#   kubernetes.io/ingress.class annotation) beside a service whose type is ClusterIP or unset
#   (charts default to ClusterIP). Without the artifact the rule stays silent.
# related_resources:
#   - ref: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#target-type
#     description: AWS Load Balancer Controller, Ingress annotations, target-type
#   - ref: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/configurations/#controller-command-line-flags
#     description: AWS Load Balancer Controller, --default-target-type
# custom:
#   id: STK-HELM-005
#   severity: deny
#   tags: [reliability, helm, ingress]
#   remediation: >-
#     Add the annotation alb.ingress.kubernetes.io/target-type ip to the Ingress (its chart's
#     ingress.annotations), or make the Service a NodePort.
#   scanners: {}
package stackc.checks.helm.stk_helm_005

import data.stackc.lib.pointer

target_type := "alb.ingress.kubernetes.io/target-type"

class_annotation := "kubernetes.io/ingress.class"

deny contains v if {
	not controller_defaults_to_ip
	some r in input.artifacts.helmfile.releases
	r.installed == true
	walk(r.values, [p, node])
	ingress := node.ingress
	is_object(ingress)
	ingress.enabled == true
	alb(ingress)
	targets := object.get(ingress, ["annotations", target_type], "instance")
	targets != "ip"
	service := object.get(node, ["service", "type"], "ClusterIP")
	service == "ClusterIP"
	at := array.concat(p, ["ingress"])
	v := {
		"id": "STK-HELM-005",
		"path": location(pointer.path(r.pointer), at),
		"data": {"release": r.name, "ingress": concat(".", [format(s) | some s in at]), "serviceType": service, "targetType": targets},
	}
}

alb(ingress) if ingress.className == "alb"

alb(ingress) if ingress.ingressClassName == "alb"

alb(ingress) if object.get(ingress, ["annotations", class_annotation], "") == "alb"

controller_defaults_to_ip if {
	some r in input.artifacts.helmfile.releases
	r.addon == "awsLoadBalancerController"
	r.installed == true
	r.values.defaultTargetType == "ip"
}

# The manifest setting to change: the class the author wrote, else the ingress map, else the release.
location(release, at) := written[0] if {
	written := [path |
		some key in ["className", "ingressClassName"]
		path := array.concat(array.concat(release, ["values"]), array.concat(at, [key]))
		object.get(input.stack, path, null) != null
	]
	count(written) > 0
} else := path if {
	path := array.concat(array.concat(release, ["values"]), at)
	object.get(input.stack, path, null) != null
} else := release

format(s) := s if is_string(s)

else := format_int(s, 10)
