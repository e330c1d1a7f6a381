// The JSON syntax locator must agree with JSON.parse on what is JSON (it only adds where the
// first error is), or bind would refuse good files or locate errors where there are none.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { jsonSyntaxError } from "../../compiler/bind/json-syntax.js";

const corpus = [
  "{}", "[]", "0", "-0.5e+10", '"a\\u00e9\\n\\"b"', " { \"a\" : [1, 2.5, true, false, null, {\"b\": {}}] } \n", "\t[\r\n]",
  "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{a:1}", "{'a':1}", "01", "1.", ".5", "+1", "-", "1e", "tru", "nul", "[1 2]",
  '"\\x41"', '"\\u12"', '"a\nb"', "{\"a\" 1}", "{\"a\":}", "[1]]", "NaN", "Infinity", "\u00a0{}", "{}//c", "\"unterminated",
];

test("accepts exactly what JSON.parse accepts", () => {
  for (const text of corpus) {
    let parses = true;
    try {
      JSON.parse(text);
    } catch {
      parses = false;
    }
    assert.is(jsonSyntaxError(text) === undefined, parses, JSON.stringify(text));
  }
});

test("points at the first offending character", () => {
  assert.equal(jsonSyntaxError('{"a": 1,}'), { offset: 8, message: 'expected a double-quoted property name, found "}"' });
  assert.equal(jsonSyntaxError("[1 2]"), { offset: 3, message: 'expected "," or "]" in the array, found "2"' });
  assert.equal(jsonSyntaxError('{"a": "x'), { offset: 8, message: "unterminated string" });
  assert.equal(jsonSyntaxError("{} x"), { offset: 3, message: 'unexpected "x" after the JSON value' });
  assert.equal(jsonSyntaxError(""), { offset: 0, message: "expected a JSON value, found end of file" });
});

test("deep nesting is an error, not a stack overflow", () => {
  assert.match(jsonSyntaxError("[".repeat(100_000))?.message ?? "", "nested too deeply");
});

test.run();
