package stackc.checks.helm.stk_helm_005_test

import data.stackc.checks.helm.stk_helm_005

release(name, pointer, values) := {"name": name, "pointer": pointer, "installed": true, "source": "chart", "values": values}

helmfile(releases) := {"helmfile": {"releases": releases}}

alb_ingress := {"enabled": true, "className": "alb"}

stack := {"spec": {"charts": [{"name": "podinfo", "values": {"ingress": alb_ingress}}]}}

test_ip_targets_pass if {
	values := {"ingress": object.union(alb_ingress, {"annotations": {"alb.ingress.kubernetes.io/target-type": "ip"}})}
	count(stk_helm_005.deny) == 0 with input.artifacts as helmfile([release("podinfo", "/spec/charts/0", values)]) with input.stack as stack
}

test_node_port_passes if {
	values := {"ingress": alb_ingress, "service": {"type": "NodePort"}}
	count(stk_helm_005.deny) == 0 with input.artifacts as helmfile([release("podinfo", "/spec/charts/0", values)]) with input.stack as stack
}

test_other_classes_and_disabled_pass if {
	releases := [
		release("a", "/spec/charts/0", {"ingress": {"enabled": true, "className": "traefik"}}),
		release("b", "/spec/charts/1", {"ingress": {"enabled": false, "className": "alb"}}),
		object.union(release("c", "/spec/charts/2", {"ingress": alb_ingress}), {"installed": false}),
	]
	count(stk_helm_005.deny) == 0 with input.artifacts as helmfile(releases) with input.stack as stack
}

test_controller_default_ip_passes if {
	lbc := object.union(release("aws-load-balancer-controller", "/spec/addons/awsLoadBalancerController", {"defaultTargetType": "ip"}), {"addon": "awsLoadBalancerController"})
	count(stk_helm_005.deny) == 0 with input.artifacts as helmfile([lbc, release("podinfo", "/spec/charts/0", {"ingress": alb_ingress})]) with input.stack as stack
}

test_cluster_ip_instance_targets_denied if {
	stk_helm_005.deny == {{
		"id": "STK-HELM-005",
		"path": ["spec", "charts", 0, "values", "ingress", "className"],
		"data": {"release": "podinfo", "ingress": "ingress", "serviceType": "ClusterIP", "targetType": "instance"},
	}} with input.artifacts as helmfile([release("podinfo", "/spec/charts/0", {"ingress": alb_ingress, "service": {"type": "ClusterIP"}})]) with input.stack as stack
}

# A nested chart's ingress (grafana in kube-prometheus-stack), class from the annotation,
# explicit instance targets; the finding points at the ingress map the manifest wrote.
test_nested_ingress_in_an_addon if {
	ingress := {"enabled": true, "annotations": {"kubernetes.io/ingress.class": "alb", "alb.ingress.kubernetes.io/target-type": "instance"}}
	kps := object.union(release("kube-prometheus-stack", "/spec/addons/kubePrometheusStack", {"grafana": {"ingress": ingress}}), {"addon": "kubePrometheusStack"})
	written := {"spec": {"addons": {"kubePrometheusStack": {"values": {"grafana": {"ingress": ingress}}}}}}
	stk_helm_005.deny == {{
		"id": "STK-HELM-005",
		"path": ["spec", "addons", "kubePrometheusStack", "values", "grafana", "ingress"],
		"data": {"release": "kube-prometheus-stack", "ingress": "grafana.ingress", "serviceType": "ClusterIP", "targetType": "instance"},
	}} with input.artifacts as helmfile([kps]) with input.stack as written
}

# Values stackc wired, absent from the manifest: the release entry; list indexes in the name.
test_wired_values_point_at_the_release if {
	values := {"apps": [{"ingress": {"enabled": true, "ingressClassName": "alb"}}]}
	stk_helm_005.deny == {{
		"id": "STK-HELM-005",
		"path": ["spec", "charts", 0],
		"data": {"release": "podinfo", "ingress": "apps.0.ingress", "serviceType": "ClusterIP", "targetType": "instance"},
	}} with input.artifacts as helmfile([release("podinfo", "/spec/charts/0", values)]) with input.stack as {"spec": {"charts": [{"name": "podinfo"}]}}
}

test_no_artifact_no_finding if {
	count(stk_helm_005.deny) == 0 with input.stack as stack
}
