// AWS Regions and the Availability Zone names each one has, for STK-NET-012 (zones exist) and
// normalize's zone hints. One table, one source:
//
//   Source: AWS documentation, "AWS Availability Zones" (AZ IDs per Region) in the AWS Regions and
//   Availability Zones guide, https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html,
//   and the EC2 User Guide's "Regions and Zones", read for this table on 2026-12-06; zone
//   letters cross-checked against `aws ec2 describe-availability-zones` output published for
//   commercial Regions (one account's AZ ID → name mapping per Region).
//
// Zone *names* (us-east-1a) are mapped to physical zones per account; the letters a Region uses
// are the same for every account except where noted: us-west-1 has three letters of which each
// account sees two, ap-northeast-1b exists only for accounts created before 2012, and
// ca-central-1 and cn-north-1 skip letter c. Listed are all letters any account can see, so a
// stack written for one account is never refused for another. Local Zones and Wavelength Zones
// (us-east-1-bos-1a) are not listed: kops subnets go in Availability Zones.
//
// A new Region or zone: add it here with the date, and `npm test` checks every zone that
// stacks/, test fixtures and `stackc init` use is in this table (test/normalize/aws-tables.test.ts).

export const AWS_ZONES_SOURCE = {
  url: "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html",
  title: "AWS Regions and Availability Zones guide, AWS Availability Zones",
  retrieved: "2026-12-06",
} as const;

/** Region → every Availability Zone name (sorted). */
export const AWS_REGION_ZONES: Readonly<Record<string, readonly string[]>> = {
  "af-south-1": letters("af-south-1", "abc"),
  "ap-east-1": letters("ap-east-1", "abc"),
  "ap-east-2": letters("ap-east-2", "abc"),
  "ap-northeast-1": letters("ap-northeast-1", "abcd"),
  "ap-northeast-2": letters("ap-northeast-2", "abcd"),
  "ap-northeast-3": letters("ap-northeast-3", "abc"),
  "ap-south-1": letters("ap-south-1", "abc"),
  "ap-south-2": letters("ap-south-2", "abc"),
  "ap-southeast-1": letters("ap-southeast-1", "abc"),
  "ap-southeast-2": letters("ap-southeast-2", "abc"),
  "ap-southeast-3": letters("ap-southeast-3", "abc"),
  "ap-southeast-4": letters("ap-southeast-4", "abc"),
  "ap-southeast-5": letters("ap-southeast-5", "abc"),
  "ap-southeast-6": letters("ap-southeast-6", "abc"),
  "ap-southeast-7": letters("ap-southeast-7", "abc"),
  "ca-central-1": letters("ca-central-1", "abd"),
  "ca-west-1": letters("ca-west-1", "abc"),
  "cn-north-1": letters("cn-north-1", "abd"),
  "cn-northwest-1": letters("cn-northwest-1", "abc"),
  "eu-central-1": letters("eu-central-1", "abc"),
  "eu-central-2": letters("eu-central-2", "abc"),
  "eu-north-1": letters("eu-north-1", "abc"),
  "eu-south-1": letters("eu-south-1", "abc"),
  "eu-south-2": letters("eu-south-2", "abc"),
  "eu-west-1": letters("eu-west-1", "abc"),
  "eu-west-2": letters("eu-west-2", "abc"),
  "eu-west-3": letters("eu-west-3", "abc"),
  "il-central-1": letters("il-central-1", "abc"),
  "me-central-1": letters("me-central-1", "abc"),
  "me-south-1": letters("me-south-1", "abc"),
  "mx-central-1": letters("mx-central-1", "abc"),
  "sa-east-1": letters("sa-east-1", "abc"),
  "us-east-1": letters("us-east-1", "abcdef"),
  "us-east-2": letters("us-east-2", "abc"),
  "us-gov-east-1": letters("us-gov-east-1", "abc"),
  "us-gov-west-1": letters("us-gov-west-1", "abc"),
  "us-west-1": letters("us-west-1", "abc"),
  "us-west-2": letters("us-west-2", "abcd"),
};

function letters(region: string, set: string): readonly string[] {
  return [...set].map((l) => `${region}${l}`);
}

/** The zones of a Region, or undefined when the table does not know the Region. */
export function regionZones(region: string): readonly string[] | undefined {
  return Object.prototype.hasOwnProperty.call(AWS_REGION_ZONES, region) ? AWS_REGION_ZONES[region] : undefined;
}
