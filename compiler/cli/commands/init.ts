import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Option, type Command } from "commander";
import { scaffoldManifest } from "../../init/scaffold.js";
import { ExitCode } from "../exit-codes.js";
import type { CommandContext } from "../main.js";

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
}

export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command("init")
    .description("write a commented starting manifest that validates as is")
    .argument("[file]", "where to write it", "stack.yaml")
    .requiredOption("-n, --name <name>", "stack name (a DNS label, e.g. prod-eu-west-1)")
    .addOption(new Option("-e, --environment <env>", "environment").choices(["dev", "staging", "prod"]).default("dev"))
    .option("-r, --region <region>", "AWS region", "eu-west-1")
    .option("--zones <zones>", "comma-separated zones (default: 2 in dev, 3 otherwise)")
    .option("--cidr <cidr>", "VPC CIDR", "10.20.0.0/16")
    .option("--dns-zone <zone>", "Route53 zone the cluster lives in", "k8s.example.com")
    .option("--bucket-prefix <prefix>", "prefix of every bucket name (default: example-<name>)")
    .option("--force", "overwrite an existing file")
    .option("--stdout", "print the manifest instead of writing it")
    .action(async (file: string, flags: InitFlags) => {
      const text = scaffoldManifest({
        file,
        name: flags.name,
        environment: flags.environment,
        region: flags.region,
        ...(flags.zones ? { zones: flags.zones.split(",").map((z) => z.trim()).filter(Boolean) } : {}),
        ...(flags.cidr ? { cidr: flags.cidr } : {}),
        ...(flags.dnsZone ? { dnsZone: flags.dnsZone } : {}),
        ...(flags.bucketPrefix ? { bucketPrefix: flags.bucketPrefix } : {}),
      });
      if (flags.stdout) {
        ctx.io.stdout.write(text);
        return;
      }
      const target = path.resolve(ctx.io.cwd, file);
      try {
        await writeFile(target, text, { flag: flags.force ? "w" : "wx" });
      } catch (err) {
        const code = (err as { code?: string }).code;
        ctx.io.stderr.write(
          code === "EEXIST" ? `stackc init: ${file} exists (use --force to overwrite)\n` : `stackc init: cannot write ${file}: ${String(err)}\n`,
        );
        ctx.setExit(ExitCode.Usage);
        return;
      }
      ctx.io.stdout.write(`Wrote ${file}. Next: stackc validate ${file}\n`);
    });
}
