// providers.tf: the aws provider for the stack's region, refusing any account but the stack's
// (allowed_account_ids) and tagging everything it creates with the stack's tags (default_tags);
// plus one aliased provider per region that holds bucket replicas.
import type { StackModel } from "../../model/model.js";
import { data, nested, topBlock, type TfFile, type TfItem, type TfTopBlock } from "./tf/blocks.js";
import type { TfStack } from "./stack.js";
import { replicaAlias } from "./stack.js";

export function awsProvider(model: StackModel, region: string, alias?: string): TfTopBlock {
  return topBlock("provider", ["aws"], {
    alias,
    region,
    allowed_account_ids: model.accountId ? [model.accountId] : undefined,
    default_tags: nested({ tags: { ...model.tags } }),
  });
}

export function providersFile(dir: string, stack: TfStack): TfFile {
  const items: TfItem[] = [awsProvider(stack.model, stack.model.region)];
  for (const region of stack.replicaRegions) {
    items.push({ ...awsProvider(stack.model, region, replicaAlias(region)), comment: `Bucket replicas in ${region}.` });
  }
  items.push(data("aws_caller_identity", "current", {}, { comment: "The account Terraform runs in; bucket and key policies name it." }));
  return { path: `${dir}/providers.tf`, summary: "The AWS provider: region, account guard, tags on every resource.", items };
}
