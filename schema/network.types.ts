/* eslint-disable */
// Generated from schema/network.schema.json by `npm run gen:types`. DO NOT EDIT.
// A test fails when this file is stale.

/**
 * An AWS availability zone name: the region followed by one letter.
 */
export type NetZone = string;
/**
 * VPC CIDR block (RFC 1918, /16 to /20). Its first eighth holds the utility subnets; the rest is cut into cluster blocks (see clusterBlockPrefix). For an existing VPC: its CIDR.
 */
export type NetCidr = string;
/**
 * Utility (public) subnet CIDR of the zone.
 */
export type NetCidr1 = string;
/**
 * Bucket for the flow logs (created by the stack). Required when enabled.
 */
export type NetBucketName = string;
/**
 * Terraform backend bucket, created by out/<network>/terraform-bootstrap; the state key is networks/<name>/terraform.tfstate. Stacks read the network's outputs from it (terraform_remote_state).
 */
export type NetBucketName1 = string;
/**
 * The subnet's CIDR block.
 */
export type NetCidr2 = string;

/**
 * A VPC shared by the stacks that name it in spec.network.use: compiled to its own Terraform root module (out/<network>/terraform) with its own state, or declared as existing (no VPC, subnet or NAT resources). Stacks create their own private subnets inside it and share its NAT gateways and utility (load-balancer) subnets.
 */
export interface NetworkManifest {
  /**
   * Manifest format version.
   */
  apiVersion: "stackc.dev/v1alpha1";
  /**
   * `Network`: a VPC that stacks share.
   */
  kind: "Network";
  /**
   * Identity of the network.
   */
  metadata: {
    /**
     * Network name: a DNS label, unique across everything compiled together (stacks and networks). Output goes to out/<name>/ and it keys the network's Terraform state.
     */
    name: string;
    /**
     * Environment class of the network; policies apply their prod rules to prod networks. A stack may only use a network of its own environment.
     */
    environment: "dev" | "staging" | "prod";
    /**
     * Team that owns the stack; written as the `owner` tag on every AWS resource.
     */
    owner?: string;
    /**
     * Free text shown in the network's runbook.
     */
    description?: string;
  };
  spec: NetSpec;
}
/**
 * What the network is.
 */
export interface NetSpec {
  /**
   * AWS region of the VPC.
   */
  region: string;
  /**
   * Availability zones of the network: a utility subnet (and, with natGateways: perZone, a NAT gateway) each. Stacks use some or all of them.
   *
   * @minItems 1
   * @maxItems 7
   */
  zones: [NetZone, ...NetZone[]];
  /**
   * AWS account id the stack belongs to; Terraform refuses to run against any other account (provider allowed_account_ids).
   */
  accountId?: string;
  cidr: NetCidr;
  /**
   * Prefix length of the block each stack's private subnets are carved from. Default: the VPC prefix + 3 (a /16 gives /19 blocks, numbered 0-7; block 0 overlaps the utility area, so stacks use 1-7). A stack's block is `spec.network.block` (an index or a CIDR); inside it each zone gets the eighth numbered by its zone letter.
   */
  clusterBlockPrefix?: number;
  /**
   * `perZone`: a NAT gateway in every zone; each private subnet of every stack routes through its own zone's NAT. `single`: one NAT in the first zone (cheaper, for dev).
   */
  natGateways?: "perZone" | "single";
  /**
   * Explicit utility subnet CIDRs per zone; zones not listed get derived CIDRs (the first eighth of the VPC, cut by zone letter).
   */
  subnets?: {
    /**
     * The utility subnet of one zone.
     */
    [k: string]:
      | {
          utility: NetCidr1;
        }
      | undefined;
  };
  /**
   * VPC flow logs, delivered to an S3 bucket the network owns.
   */
  flowLogs?: {
    /**
     * Record VPC flow logs.
     */
    enabled?: boolean;
    bucket?: NetBucketName;
    /**
     * Days after which flow log objects expire.
     */
    retentionDays?: number;
  };
  /**
   * VPC endpoints, so traffic to AWS services stays off the NAT gateways. Gateway endpoints are associated with the utility route table here and with each stack's private route tables by the stack; interface endpoints get a security group open to the VPC on 443.
   */
  endpoints?: {
    /**
     * Gateway endpoints (free): s3, dynamodb.
     */
    gateway?: ("s3" | "dynamodb")[];
    /**
     * Interface endpoints by service name (the part after com.amazonaws.<region>.), placed in the utility subnets.
     */
    interface?: string[];
  };
  /**
   * Manage the VPC default security group with no rules, so nothing can use it by accident.
   */
  restrictDefaultSecurityGroup?: boolean;
  /**
   * Where the network's Terraform state lives.
   */
  stateStore: {
    terraformBucket: NetBucketName1;
  };
  existing?: NetExisting;
  /**
   * Extra tags on every AWS resource (Terraform default_tags and kops cloudLabels). stackc adds `stackc.dev/stack`, `stackc.dev/environment` and `managed-by` itself.
   */
  tags?: {
    [k: string]: string | undefined;
  };
  /**
   * Policy gate settings of this network: the network rules judge a Network manifest like a stack.
   */
  policy?: {
    /**
     * Rules waived for this network; each needs a reason and an expiry date (an expired waiver is itself an error).
     *
     * Items: A waiver of one policy rule.
     */
    waivers?: {
      /**
       * Policy rule id: a catalog rule (STK-NET-009) or a user policy's code, USER-<package>-<rule> (waivable in runs that load that policy with --policy).
       */
      rule: string;
      /**
       * Why the rule does not apply here (shown in reports).
       */
      reason: string;
      /**
       * Last day the waiver applies (YYYY-MM-DD).
       */
      expires: string;
    }[];
  };
}
/**
 * The VPC exists already (created outside stackc): no VPC, subnet, route or NAT resources are emitted for what is named here, and the kops specs use these ids directly. Each zone names its utility subnet and NAT gateway, and either a private subnet all stacks share or nothing (each stack then creates its private subnet in its block, routed through the zone's NAT).
 */
export interface NetExisting {
  /**
   * VPC id (vpc- followed by 8 or 17 hex digits).
   */
  vpcId: string;
  /**
   * Per zone (every zone of spec.zones): the existing subnets and NAT gateway.
   */
  zones: {
    /**
     * The existing resources of one zone.
     */
    [k: string]:
      | {
          utilitySubnet: NetExistingSubnet;
          privateSubnet?: NetExistingSubnet1;
          /**
           * NAT gateway id (nat- followed by 8 or 17 hex digits).
           */
          natGateway: string;
        }
      | undefined;
  };
}
/**
 * The zone's utility (public) subnet: load balancers and the NAT gateway live there.
 */
export interface NetExistingSubnet {
  /**
   * Subnet id (subnet- followed by 8 or 17 hex digits).
   */
  id: string;
  cidr: NetCidr2;
}
/**
 * A private subnet every stack of the network shares in this zone. Omit it to let each stack create its own private subnet in its block.
 */
export interface NetExistingSubnet1 {
  /**
   * Subnet id (subnet- followed by 8 or 17 hex digits).
   */
  id: string;
  cidr: NetCidr2;
}

/**
 * An AWS availability zone name: the region followed by one letter.
 */
export type ResolvedNetZone = string;
/**
 * VPC CIDR block (RFC 1918, /16 to /20). Its first eighth holds the utility subnets; the rest is cut into cluster blocks (see clusterBlockPrefix). For an existing VPC: its CIDR.
 */
export type ResolvedNetCidr = string;
/**
 * Utility (public) subnet CIDR of the zone.
 */
export type ResolvedNetCidr1 = string;
/**
 * Bucket for the flow logs (created by the stack). Required when enabled.
 */
export type ResolvedNetBucketName = string;
/**
 * Terraform backend bucket, created by out/<network>/terraform-bootstrap; the state key is networks/<name>/terraform.tfstate. Stacks read the network's outputs from it (terraform_remote_state).
 */
export type ResolvedNetBucketName1 = string;
/**
 * The subnet's CIDR block.
 */
export type ResolvedNetCidr2 = string;

/**
 * A VPC shared by the stacks that name it in spec.network.use: compiled to its own Terraform root module (out/<network>/terraform) with its own state, or declared as existing (no VPC, subnet or NAT resources). Stacks create their own private subnets inside it and share its NAT gateways and utility (load-balancer) subnets.
 */
export interface ResolvedNetworkManifest {
  /**
   * Manifest format version.
   */
  apiVersion: "stackc.dev/v1alpha1";
  /**
   * `Network`: a VPC that stacks share.
   */
  kind: "Network";
  /**
   * Identity of the network.
   */
  metadata: {
    /**
     * Network name: a DNS label, unique across everything compiled together (stacks and networks). Output goes to out/<name>/ and it keys the network's Terraform state.
     */
    name: string;
    /**
     * Environment class of the network; policies apply their prod rules to prod networks. A stack may only use a network of its own environment.
     */
    environment: "dev" | "staging" | "prod";
    /**
     * Team that owns the stack; written as the `owner` tag on every AWS resource.
     */
    owner?: string;
    /**
     * Free text shown in the network's runbook.
     */
    description?: string;
  };
  spec: ResolvedNetSpec;
}
/**
 * What the network is.
 */
export interface ResolvedNetSpec {
  /**
   * AWS region of the VPC.
   */
  region: string;
  /**
   * Availability zones of the network: a utility subnet (and, with natGateways: perZone, a NAT gateway) each. Stacks use some or all of them.
   *
   * @minItems 1
   * @maxItems 7
   */
  zones: [ResolvedNetZone, ...ResolvedNetZone[]];
  /**
   * AWS account id the stack belongs to; Terraform refuses to run against any other account (provider allowed_account_ids).
   */
  accountId?: string;
  cidr: ResolvedNetCidr;
  /**
   * Prefix length of the block each stack's private subnets are carved from. Default: the VPC prefix + 3 (a /16 gives /19 blocks, numbered 0-7; block 0 overlaps the utility area, so stacks use 1-7). A stack's block is `spec.network.block` (an index or a CIDR); inside it each zone gets the eighth numbered by its zone letter.
   */
  clusterBlockPrefix?: number;
  /**
   * `perZone`: a NAT gateway in every zone; each private subnet of every stack routes through its own zone's NAT. `single`: one NAT in the first zone (cheaper, for dev).
   */
  natGateways: "perZone" | "single";
  /**
   * Explicit utility subnet CIDRs per zone; zones not listed get derived CIDRs (the first eighth of the VPC, cut by zone letter).
   */
  subnets?: {
    /**
     * The utility subnet of one zone.
     */
    [k: string]:
      | {
          utility: ResolvedNetCidr1;
        }
      | undefined;
  };
  /**
   * VPC flow logs, delivered to an S3 bucket the network owns.
   */
  flowLogs: {
    /**
     * Record VPC flow logs.
     */
    enabled: boolean;
    bucket?: ResolvedNetBucketName;
    /**
     * Days after which flow log objects expire.
     */
    retentionDays: number;
  };
  /**
   * VPC endpoints, so traffic to AWS services stays off the NAT gateways. Gateway endpoints are associated with the utility route table here and with each stack's private route tables by the stack; interface endpoints get a security group open to the VPC on 443.
   */
  endpoints: {
    /**
     * Gateway endpoints (free): s3, dynamodb.
     */
    gateway: ("s3" | "dynamodb")[];
    /**
     * Interface endpoints by service name (the part after com.amazonaws.<region>.), placed in the utility subnets.
     */
    interface: string[];
  };
  /**
   * Manage the VPC default security group with no rules, so nothing can use it by accident.
   */
  restrictDefaultSecurityGroup: boolean;
  /**
   * Where the network's Terraform state lives.
   */
  stateStore: {
    terraformBucket: ResolvedNetBucketName1;
  };
  existing?: ResolvedNetExisting;
  /**
   * Extra tags on every AWS resource (Terraform default_tags and kops cloudLabels). stackc adds `stackc.dev/stack`, `stackc.dev/environment` and `managed-by` itself.
   */
  tags: {
    [k: string]: string | undefined;
  };
  /**
   * Policy gate settings of this network: the network rules judge a Network manifest like a stack.
   */
  policy: {
    /**
     * Rules waived for this network; each needs a reason and an expiry date (an expired waiver is itself an error).
     *
     * Items: A waiver of one policy rule.
     */
    waivers: {
      /**
       * Policy rule id: a catalog rule (STK-NET-009) or a user policy's code, USER-<package>-<rule> (waivable in runs that load that policy with --policy).
       */
      rule: string;
      /**
       * Why the rule does not apply here (shown in reports).
       */
      reason: string;
      /**
       * Last day the waiver applies (YYYY-MM-DD).
       */
      expires: string;
    }[];
  };
}
/**
 * The VPC exists already (created outside stackc): no VPC, subnet, route or NAT resources are emitted for what is named here, and the kops specs use these ids directly. Each zone names its utility subnet and NAT gateway, and either a private subnet all stacks share or nothing (each stack then creates its private subnet in its block, routed through the zone's NAT).
 */
export interface ResolvedNetExisting {
  /**
   * VPC id (vpc- followed by 8 or 17 hex digits).
   */
  vpcId: string;
  /**
   * Per zone (every zone of spec.zones): the existing subnets and NAT gateway.
   */
  zones: {
    /**
     * The existing resources of one zone.
     */
    [k: string]:
      | {
          utilitySubnet: ResolvedNetExistingSubnet;
          privateSubnet?: ResolvedNetExistingSubnet1;
          /**
           * NAT gateway id (nat- followed by 8 or 17 hex digits).
           */
          natGateway: string;
        }
      | undefined;
  };
}
/**
 * The zone's utility (public) subnet: load balancers and the NAT gateway live there.
 */
export interface ResolvedNetExistingSubnet {
  /**
   * Subnet id (subnet- followed by 8 or 17 hex digits).
   */
  id: string;
  cidr: ResolvedNetCidr2;
}
/**
 * A private subnet every stack of the network shares in this zone. Omit it to let each stack create its own private subnet in its block.
 */
export interface ResolvedNetExistingSubnet1 {
  /**
   * Subnet id (subnet- followed by 8 or 17 hex digits).
   */
  id: string;
  cidr: ResolvedNetCidr2;
}
