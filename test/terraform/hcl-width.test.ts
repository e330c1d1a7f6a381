// The ASCII fast path of the HCL width functions (length, no grapheme segmentation) gives the
// same columns as segmentation for every string it accepts, and leaves the rest to it.
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { escapeQuoted } from "../../compiler/emit/terraform/hcl/escape.js";
import { graphemeColumns, quotedColumns, segmentedColumns, tokenColumns } from "../../compiler/emit/terraform/hcl/width.js";

const printableAscii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 });

test("printable ASCII: fast path and segmentation agree (graphemes and quoted tokens)", () => {
  fc.assert(
    fc.property(printableAscii, (s) => {
      assert.is(graphemeColumns(s), segmentedColumns(s));
      assert.is(graphemeColumns(s), s.length);
      // quoted widths are taken of escaped content (a backslash is always part of an escape)
      const escaped = escapeQuoted(s);
      assert.is(quotedColumns(escaped), tokenColumns(escaped));
    }),
    { numRuns: 2000, seed: 15 },
  );
});

test("non-ASCII and control characters still go through segmentation", () => {
  // "é" as e + combining acute is one column, two UTF-16 units; "\r\n" is one cluster
  assert.is(graphemeColumns("cafe\u0301"), 4);
  assert.is(graphemeColumns("a\r\nb"), 3);
  assert.is(graphemeColumns("👩‍👩‍👧"), 1);
  // GB9c (Unicode 15.1) is not applied, as in terraform's go-textseg v15: क्ष counts 2
  assert.is(graphemeColumns("क्ष"), 2);
  assert.is(quotedColumns("naïve ${x}"), tokenColumns("naïve ${x}"));
  assert.is(quotedColumns("über"), 6);
});

test.run();
