// Reads named entries out of a .tar.gz (the bundle `opa build` writes). Entries in OPA bundles
// start with "/" ("/policy.wasm"), which GNU and BSD tar treat differently; reading the archive
// here keeps the build free of a tar dependency and of platform quirks.
import { gunzipSync } from "node:zlib";

/** Map of entry name → bytes for the wanted names (names as stored, e.g. "/policy.wasm"). */
export function readTarGz(bytes, wanted) {
  const tar = gunzipSync(bytes);
  const out = new Map();
  let pax = {};
  for (let off = 0; off + 512 <= tar.length; ) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, len) => header.subarray(start, start + len).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    let name = pax.path ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    const data = tar.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === "x") {
      pax = parsePax(data);
      continue;
    }
    pax = {};
    if ((type === "0" || type === "") && wanted.includes(name)) out.set(name, Buffer.from(data));
  }
  const missing = wanted.filter((n) => !out.has(n));
  if (missing.length > 0) throw new Error(`bundle has no ${missing.join(", ")}`);
  return out;
}

function parsePax(data) {
  // records are "<length> <key>=<value>\n", length in bytes including itself
  const records = {};
  for (let off = 0; off < data.length; ) {
    const sp = data.indexOf(0x20, off);
    const len = Number(data.subarray(off, sp).toString("ascii"));
    if (sp < 0 || !(len > 0)) break;
    const record = data.subarray(sp + 1, off + len - 1).toString("utf8");
    const eq = record.indexOf("=");
    records[record.slice(0, eq)] = record.slice(eq + 1);
    off += len;
  }
  return records;
}
