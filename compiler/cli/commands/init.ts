import { Option, type Command } from "commander";
import { init } from "../../api/init.js";
import { errorCode } from "../../io/io.js";
import type { CommandContext } from "../context.js";
import { ExitCode } from "../exit-codes.js";

interface InitFlags {
  name: string;
  environment: "dev" | "staging" | "prod";
  region: string;
  zones?: string;
  cidr?: string;
  dnsZone?: string;
  bucketPrefix?: string;
  force?: boolean;
  stdout?: boolean;
  kind: "stack" | "network";
  use?: string;
  block?: string;
}

export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command("init")
    .description("write a commented starting manifest that validates as is")
    .argument("[file]", "where to write it", "stack.yaml")
    .requiredOption("-n, --name <name>", "stack (or network) name (a DNS label, e.g. prod-eu-west-1)")
    .addOption(new Option("--kind <kind>", "what to write: a stack, or a network several stacks share").choices(["stack", "network"]).default("stack"))
    .option("--use <network>", "a stack in a shared network: the path of its Network manifest, relative to the file")
    .option("--block <n>", "with --use: the stack's block in the network (1 and up)", "1")
    .addOption(new Option("-e, --environment <env>", "environment").choices(["dev", "staging", "prod"]).default("dev"))
    .option("-r, --region <region>", "AWS region", "eu-west-1")
    .option("--zones <zones>", "comma-separated zones (default: 2 in dev, 3 otherwise)")
    .option("--cidr <cidr>", "VPC CIDR (with --use: the network's, for the API access list)", "10.20.0.0/16")
    .option("--dns-zone <zone>", "Route53 zone the cluster lives in", "k8s.example.com")
    .option("--bucket-prefix <prefix>", "prefix of every bucket name (default: example-<name>)")
    .option("--force", "overwrite an existing file")
    .option("--stdout", "print the manifest instead of writing it")
    .action(async (file: string, flags: InitFlags) => {
      if (flags.use !== undefined && !/^[1-9]\d{0,2}$/.test(flags.block ?? "1")) {
        ctx.io.stderr.write(`stackc init: --block must be a block number (1 and up), not ${JSON.stringify(flags.block)}\n`);
        ctx.setExit(ExitCode.Usage);
        return;
      }
      if (flags.use !== undefined && flags.kind === "network") {
        ctx.io.stderr.write("stackc init: --use names the network of a stack; a network uses none\n");
        ctx.setExit(ExitCode.Usage);
        return;
      }
      let result;
      try {
        result = await init(file, {
          cwd: ctx.io.cwd,
          ...(ctx.io.fs ? { io: ctx.io.fs } : {}),
          ...(flags.force ? { overwrite: true } : {}),
          ...(flags.stdout ? { dryRun: true } : {}),
          name: flags.name,
          environment: flags.environment,
          region: flags.region,
          ...(flags.zones ? { zones: flags.zones.split(",").map((z) => z.trim()).filter(Boolean) } : {}),
          ...(flags.cidr ? { cidr: flags.cidr } : {}),
          ...(flags.dnsZone ? { dnsZone: flags.dnsZone } : {}),
          ...(flags.bucketPrefix ? { bucketPrefix: flags.bucketPrefix } : {}),
          kind: flags.kind,
          ...(flags.use ? { use: flags.use, block: Number(flags.block ?? "1") } : {}),
        });
      } catch (err) {
        ctx.io.stderr.write(
          errorCode(err) === "EEXIST" ? `stackc init: ${file} exists (use --force to overwrite)\n` : `stackc init: cannot write ${file}: ${String(err)}\n`,
        );
        ctx.setExit(ExitCode.Usage);
        return;
      }
      if (flags.stdout) {
        ctx.io.stdout.write(result.text);
        return;
      }
      ctx.io.stdout.write(`Wrote ${file}. Next: stackc validate ${file}\n`);
    });
}
