// Subnet derivation: the documented layout, and the properties that make it safe to rely on.
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { deriveSubnets, deriveSubnetsFromText } from "../../compiler/normalize/subnets.js";
import { contains, formatCidr, overlaps, parseCidr } from "../../compiler/normalize/cidr.js";

test("a /16 gives kops' layout: /22 utility subnets first, then /19 private subnets", () => {
  assert.equal(deriveSubnetsFromText("10.20.0.0/16", "eu-west-1a"), { utility: "10.20.0.0/22", private: "10.20.32.0/19" });
  assert.equal(deriveSubnetsFromText("10.20.0.0/16", "eu-west-1b"), { utility: "10.20.4.0/22", private: "10.20.64.0/19" });
  assert.equal(deriveSubnetsFromText("10.20.0.0/16", "eu-west-1c"), { utility: "10.20.8.0/22", private: "10.20.96.0/19" });
  assert.equal(deriveSubnetsFromText("10.20.0.0/16", "us-east-1f"), { utility: "10.20.20.0/22", private: "10.20.192.0/19" });
});

test("a /22 gives /28 utility and /25 private subnets; a /23 or a zone letter past g cannot be derived", () => {
  assert.equal(deriveSubnetsFromText("192.168.4.0/22", "eu-west-1a"), { utility: "192.168.4.0/28", private: "192.168.4.128/25" });
  assert.is(deriveSubnetsFromText("192.168.4.0/23", "eu-west-1a"), undefined);
  assert.is(deriveSubnetsFromText("10.0.0.0/15", "eu-west-1a"), undefined);
  assert.is(deriveSubnetsFromText("10.0.0.0/16", "us-east-1h"), undefined);
});

const vpcArb = fc
  .tuple(fc.constantFrom(10, 172, 192), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 22 }))
  .map(([a, b, c, prefix]) => formatCidr({ base: parseCidr(`${a}.${b}.${c}.0/${prefix}`)!.base & ((0xffffffff << (32 - prefix)) >>> 0), prefix }));
const zonesArb = fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f", "g"), { minLength: 1, maxLength: 7 });

test("property: derived subnets lie inside the VPC and never overlap each other", () => {
  fc.assert(
    fc.property(vpcArb, zonesArb, (vpcText, letters) => {
      const vpc = parseCidr(vpcText)!;
      const all = letters.flatMap((l) => {
        const d = deriveSubnets(vpc, `eu-west-1${l}`)!;
        return [parseCidr(d.private)!, parseCidr(d.utility)!];
      });
      for (const s of all) if (!contains(vpc, s)) return false;
      for (let i = 0; i < all.length; i++) for (let j = 0; j < i; j++) if (overlaps(all[i]!, all[j]!)) return false;
      return true;
    }),
    { seed: 20261121, numRuns: 500 },
  );
});

test("property: a zone's subnets depend only on the VPC and its letter (adding zones moves nothing)", () => {
  fc.assert(
    fc.property(vpcArb, zonesArb, zonesArb, (vpcText, first, second) => {
      const vpc = parseCidr(vpcText)!;
      for (const l of first.filter((x) => second.includes(x))) {
        const a = deriveSubnets(vpc, `us-east-1${l}`);
        const b = deriveSubnets(vpc, `eu-central-1${l}`);
        if (JSON.stringify(a) !== JSON.stringify(b)) return false;
      }
      return true;
    }),
    { seed: 7, numRuns: 200 },
  );
});

test.run();
