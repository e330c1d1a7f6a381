package stackc.checks.sec.stk_sec_001_test

import data.stackc.checks.sec.stk_sec_001

inp(values) := {"stack": {"spec": {"charts": [{"name": "app", "values": values}], "addons": {"grafana": {"values": {"adminPassword": "hunter2"}}, "other": {"version": "1.0.0"}}}}}

chart_only(values) := {"stack": {"spec": {"charts": [{"name": "app", "values": values}], "addons": {}}}}

kinds(values) := k if {
	k := {[v.path, v.data.kind] | some v in stk_sec_001.deny} with input as chart_only(values)
}

pem := "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n"

test_finding_shape if {
	stk_sec_001.deny == {
		{
			"id": "STK-SEC-001",
			"path": ["spec", "charts", 0, "values", "db", "password"],
			"data": {"release": "app", "source": "charts", "kind": "secret-key", "key": "password"},
		},
		{
			"id": "STK-SEC-001",
			"path": ["spec", "addons", "grafana", "values", "adminPassword"],
			"data": {"release": "grafana", "source": "addons", "kind": "secret-key", "key": "adminPassword"},
		},
	} with input as inp({"db": {"password": "hunter2"}})
}

test_each_kind_is_found if {
	kinds({
		"tls": {"key": pem},
		"aws": {"id": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
		"env": [{"name": "GITHUB", "value": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"}],
		"slack": "xoxb-123456789012-abcdefghij",
		"gitlab": "glpat-abcdefghij0123456789",
		"api_key": "k-123",
		"clientSecret": "s3cr3t",
		"secret": "plain",
	}) == {
		[["spec", "charts", 0, "values", "tls", "key"], "private-key"],
		[["spec", "charts", 0, "values", "aws", "id"], "aws-access-key"],
		[["spec", "charts", 0, "values", "aws", "AWS_SECRET_ACCESS_KEY"], "secret-key"],
		[["spec", "charts", 0, "values", "env", 0, "value"], "token"],
		[["spec", "charts", 0, "values", "slack"], "token"],
		[["spec", "charts", 0, "values", "gitlab"], "token"],
		[["spec", "charts", 0, "values", "api_key"], "secret-key"],
		[["spec", "charts", 0, "values", "clientSecret"], "secret-key"],
		[["spec", "charts", 0, "values", "secret"], "secret-key"],
	}
}

test_numeric_key_in_data if {
	some v in stk_sec_001.deny with input as chart_only({"list": [pem]})
	v.data.key == "[0]"
}

test_references_pass if {
	kinds({
		"vals": {"password": "ref+awssecrets://prod/db#password", "token": " ref+vault://secret/app#token"},
		"sops": {"password": "ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:2=,type:str]"},
		"k8s": {"existingSecret": "db-credentials", "passwordSecret": "grafana-admin", "secretName": "tls", "tlsSecret": "x"},
		"env": [{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}}],
		"externalSecret": {"data": [{"secretKey": "password", "remoteRef": {"key": "prod/db", "property": "password"}}]},
	}) == set()
}

test_not_secrets_pass if {
	kinds({
		"password": "",
		"token": "   ",
		"passwordFile": "/etc/secret/pw",
		"tokenTTL": "5m",
		"enableSecret": true,
		"password_length": 16,
		"authToken": false,
		"akia": "AKIA-not-a-key",
		"image": "ghcr.io/org/app:v1.2.3",
	}) == set()
}

test_add_on_without_values_passes if {
	count(stk_sec_001.deny) == 0 with input as {"stack": {"spec": {"charts": [{"name": "x"}], "addons": {"a": {"version": "1"}, "b": null}}}}
}
