// Prints what every case of rule-tables.ts produces, in the tables' terms, and flags the cases
// whose findings differ from the table: a tool for writing and reviewing rule tables
// (node dist/test/policy/rule-tables.print.js [rule-id]).
import { ruleTables } from "./rule-tables.js";
import { describeCase } from "./rule-tester.js";

const only = process.argv[2];
for (const [rule, table] of Object.entries(ruleTables)) {
  if (only && rule !== only) continue;
  for (const c of table.valid) {
    const found = await describeCase(rule, c);
    console.log(`${found.length === 0 ? "ok" : "!!"} ${rule} valid   "${c.name}"${found.length ? ` fires: ${JSON.stringify(found)}` : ""}`);
  }
  for (const c of table.invalid) {
    const found = JSON.stringify(await describeCase(rule, c));
    const expected = JSON.stringify(c.errors.map((e) => ({ data: e.data, line: e.line, column: e.column, ...(e.file ? { file: e.file } : {}), severity: e.severity ?? "error" })));
    console.log(`${found === expected ? "ok" : "!!"} ${rule} invalid "${c.name}": ${found}`);
  }
}
