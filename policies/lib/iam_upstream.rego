# METADATA
# title: Upstream IAM statements stackc carries verbatim
# description: >-
#   The one allowlist of STK-IAM-001: statements of add-on IAM policies that grant write or
#   delete actions on "*" without a condition, copied verbatim from the add-on's upstream
#   policy (source and version below) because the add-on creates the resources it acts on (no
#   ARN exists yet) or the API has no resource-level permissions. A statement is exempt only
#   while its actions are exactly the ones listed here; adding an action makes it a finding.
#   test/addons/iam-allowlist.test.ts checks each entry against the transcribed upstream policy.
package stackc.lib.iam_upstream

allowlist := {
	"awsLoadBalancerController": {
		"source": "kubernetes-sigs/aws-load-balancer-controller docs/install/iam_policy.json",
		"version": "v3.5.0",
		"statements": {
			"IntegrateAcmCognitoWafShield": [
				"acm:DescribeCertificate", "acm:ListCertificates", "cognito-idp:DescribeUserPoolClient",
				"iam:GetServerCertificate", "iam:ListServerCertificates", "shield:CreateProtection",
				"shield:DeleteProtection", "shield:DescribeProtection", "shield:GetSubscriptionState",
				"waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL", "waf-regional:GetWebACL",
				"waf-regional:GetWebACLForResource", "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL",
				"wafv2:GetWebACL", "wafv2:GetWebACLForResource",
			],
			"ModifySecurityGroupIngress": ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"],
			"CreateSecurityGroup": ["ec2:CreateSecurityGroup"],
			"ManageListenersAndRules": [
				"elasticloadbalancing:CreateListener", "elasticloadbalancing:CreateRule",
				"elasticloadbalancing:DeleteListener", "elasticloadbalancing:DeleteRule",
			],
			"ModifyListenersAndRules": [
				"elasticloadbalancing:AddListenerCertificates", "elasticloadbalancing:ModifyListener",
				"elasticloadbalancing:ModifyRule", "elasticloadbalancing:RemoveListenerCertificates",
				"elasticloadbalancing:SetRulePriorities", "elasticloadbalancing:SetWebAcl",
			],
		},
	},
	"velero": {
		"source": "vmware-tanzu/velero-plugin-for-aws README.md, Set permissions for Velero",
		"version": "v1.14 (chart velero-12.1.0)",
		"statements": {"EbsSnapshots": [
			"ec2:CreateSnapshot", "ec2:CreateTags", "ec2:CreateVolume", "ec2:DeleteSnapshot",
			"ec2:DescribeSnapshots", "ec2:DescribeVolumes",
		]},
	},
}

# The statement `sid` of add-on `addon` with exactly `actions` is carried from upstream.
verbatim(addon, sid, actions) if {
	listed := allowlist[addon].statements[sid]
	sort(listed) == sort(actions)
}
