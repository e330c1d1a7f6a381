// The normalized Network: a VPC several stacks share (kind: Network). Its own Terraform root
// module creates the VPC, the utility subnets, the NAT gateways and what they need — or, for an
// existing VPC, nothing of that: the ids are taken as given. Stacks that `use` it read its
// outputs (or, existing, these ids) and create only their private subnets, in their block.
import type { ResolvedNetworkManifest } from "../../schema/network.types.js";

export type Environment = ResolvedNetworkManifest["metadata"]["environment"];

export interface NetworkZoneModel {
  name: string;
  /** The zone letter: utility subnets, NAT gateways and private blocks key on it. */
  letter: string;
  utilityCidr: string;
  /** Zone whose NAT gateway private subnets of this zone route through. */
  natZone: string;
  /** An existing network: the zone's given resources. */
  existing?: {
    utilitySubnetId: string;
    natGatewayId: string;
    /** A private subnet every stack of the network shares (else each stack creates its own). */
    privateSubnet?: { id: string; cidr: string };
  };
}

export interface NetworkModel {
  /** Display path of the network manifest (relative to the working folder: for diagnostics). */
  file: string;
  /** Its path relative to the workspace root it lives in: what generated files name (see StackModel.source). */
  source: string;
  name: string;
  environment: Environment;
  /** The manifest with every default applied (same shape and pointers as the YAML). */
  manifest: ResolvedNetworkManifest;
  region: string;
  accountId?: string;
  vpcCidr: string;
  zones: NetworkZoneModel[];
  /** Zones that hold a NAT gateway (perZone: all; single: the first). */
  natZones: string[];
  /** Prefix length of a stack's private block. */
  blockPrefix: number;
  /** Set for an existing VPC: nothing of the VPC is created. */
  existing?: { vpcId: string };
  /** Where the network's Terraform state lives (stacks read its outputs from there). */
  state: { bucket: string; key: string; region: string };
  /** Tags on every resource of the network's Terraform, keys sorted. */
  tags: Record<string, string>;
}

/** The network state key: one per network, beside the stacks' `stacks/<name>/…`. */
export function networkStateKey(name: string): string {
  return `networks/${name}/terraform.tfstate`;
}

/** Where a stack sits in its network. */
export interface StackNetwork {
  model: NetworkModel;
  /** The stack's private block (a CIDR); absent when the existing network's private subnets are shared. */
  block?: string;
  /** Manifest pointer of the block (or of `use` when the block is implied). */
  pointer: string;
}
