// What each `terraform output -json` value the kops spec reads must look like (AWS id formats:
// resource ids are the prefix and 8 or 17 lowercase hex digits).
import { terraformOutputs, type TerraformOutputName } from "../emit/terraform-outputs.js";

export interface IdFormat {
  pattern: RegExp;
  /** What the value is, for messages: "a VPC id". */
  what: string;
  example: string;
}

const resourceId = (prefix: string, what: string, example: string): IdFormat => ({
  pattern: new RegExp(`^${prefix}-[0-9a-f]{8}([0-9a-f]{9})?$`),
  what,
  example,
});

export const outputFormats: Partial<Record<TerraformOutputName, IdFormat>> = {
  [terraformOutputs.vpcId]: resourceId("vpc", "a VPC id", "vpc-0a1b2c3d4e5f60718"),
  [terraformOutputs.privateSubnetIds]: resourceId("subnet", "a subnet id", "subnet-0a1b2c3d4e5f60711"),
  [terraformOutputs.utilitySubnetIds]: resourceId("subnet", "a subnet id", "subnet-0a1b2c3d4e5f60731"),
  [terraformOutputs.natGatewayIds]: resourceId("nat", "a NAT gateway id", "nat-0a1b2c3d4e5f60721"),
  [terraformOutputs.route53ZoneId]: { pattern: /^Z[0-9A-Z]{1,31}$/, what: "a Route53 hosted zone id", example: "Z0123456789ABCDEFGHIJ" },
  [terraformOutputs.irsaPolicyArns]: {
    pattern: /^arn:aws(-[a-z]+)*:iam::[0-9]{12}:policy\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/,
    what: "an IAM policy ARN",
    example: "arn:aws:iam::123456789012:policy/stackc/prod/external-dns",
  },
};

/** The 12-digit account of an IAM ARN. */
export function arnAccount(arn: string): string | undefined {
  return /^arn:[^:]+:iam::([0-9]{12}):/.exec(arn)?.[1];
}
