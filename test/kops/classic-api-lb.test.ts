// The task list called `api.loadBalancer.class: Classic` broken. kops v1.36.2 does not: it only
// checks that a non-empty class is one of {Classic, Network}
// (pkg/apis/kops/validation/aws.go:42-44, pkg/apis/kops/cluster.go:546-549), and defaults an
// empty class to Classic (upup/pkg/fi/cloudup/populate_cluster_spec.go:257-258). Rejection is
// announced for 1.37 (docs/releases/1.36-NOTES.md:236). These tests pin the actual behaviour, so
// stackc's own policy has to refuse Classic; if a kops bump starts rejecting it, they fail and
// the fixture moves to broken/.
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseAllDocuments } from "yaml";
import { validateKopsCrd } from "../helpers/kops-crd.js";
import { validateKops, validateKopsTexts } from "../helpers/kops-validate.js";
import { CLASSIC, replaceOnce } from "./fixtures.js";

const text = readFileSync(CLASSIC, "utf8");

test("the fixture really asks for a Classic API load balancer", () => {
  const cluster = parseAllDocuments(text)[0]?.toJS() as { spec: { api: { loadBalancer: unknown } } };
  assert.equal(cluster.spec.api.loadBalancer, { type: "Internal", class: "Classic" });
  assert.equal(validateKopsCrd(text), []);
});

test("kops v1.36.2 accepts class Classic without any error", async () => {
  const result = (await validateKops([CLASSIC])).get(CLASSIC);
  assert.equal(result, { errors: [] });
});

// The accept above is not the class rule being skipped: the same rule refuses a value outside
// the list (it is case-sensitive), and Classic is still refused where kops needs an NLB.
test("the class rule does run: lowercase classic is NotSupported, Classic with dns None is Forbidden", async () => {
  const results = await validateKopsTexts({
    lowercase: replaceOnce(text, "      class: Classic\n", "      class: classic\n"),
    dnsNone: replaceOnce(text, "    dns:\n      type: Private\n", "    dns:\n      type: None\n"),
  });
  const keys = (name: string) => results.get(name)?.errors.map((e) => `${e.type} ${e.field}`);
  assert.equal(keys("lowercase"), ["FieldValueNotSupported spec.api.loadBalancer.class"]);
  // aws.go:304-312: topology.dns.type=None requires a Network Load Balancer
  assert.equal(keys("dnsNone"), ["FieldValueForbidden spec.api.loadBalancer.type"]);
});

test.run();
