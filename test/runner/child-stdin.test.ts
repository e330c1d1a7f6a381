// The EPIPE race behind test/kops/harness-output.test.ts's crash on a fresh machine, made
// certain: a child that exits without reading its stdin, fed 1 MiB (more than a pipe holds), so
// the write always outlives the reader. A bare stdin.end() emits EPIPE as an 'error' event — in a
// test process with no handler, an uncaught exception that ends the whole file; feedStdin
// (test/helpers/child-stdin.ts) swallows exactly that and lets the child's real exit status through.
import { execFile } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { feedStdin } from "../helpers/child-stdin.js";

const BIG = "x".repeat(1024 * 1024);
// exits at once with status 3, never reading stdin
const EXITS_UNREAD = ["-e", "process.exit(3)"];

function exitStatus(child: ReturnType<typeof execFile>): Promise<number | null> {
  return new Promise((resolve) => child.on("close", (code) => resolve(code)));
}

test("without a handler the write fails with EPIPE (the race is real, and certain here)", async () => {
  const child = execFile(process.execPath, EXITS_UNREAD);
  const error = new Promise<NodeJS.ErrnoException>((resolve) => child.stdin!.on("error", resolve));
  child.stdin!.end(BIG);
  const [err, code] = await Promise.all([error, exitStatus(child)]);
  assert.is(err.code, "EPIPE");
  assert.is(code, 3);
});

test("feedStdin: the child's real exit status, no error surfaces", async () => {
  const child = execFile(process.execPath, EXITS_UNREAD);
  const others: Error[] = [];
  feedStdin(child, BIG, (err) => others.push(err));
  assert.is(await exitStatus(child), 3);
  assert.equal(others, []);
});

test("feedStdin: a child that reads gets every byte", async () => {
  const child = execFile(process.execPath, ["-e", "let n=0;process.stdin.on('data',(c)=>n+=c.length).on('end',()=>process.stdout.write(String(n)))"]);
  let out = "";
  child.stdout!.on("data", (c) => (out += c));
  feedStdin(child, BIG);
  assert.is(await exitStatus(child), 0);
  assert.is(out, String(BIG.length));
});

test.run();
