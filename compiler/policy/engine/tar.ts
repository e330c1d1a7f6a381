// Reads named entries out of a .tar.gz (an OPA bundle, whose entries start with "/"): prebuilt
// user bundles at run time, and scripts/policy/build.mjs when it extracts the catalog bundle.
// Reading the archive here avoids a tar dependency and GNU/BSD tar's different handling of "/".
import { createRequire } from "node:module";

// node:zlib only for a user's bundle.tar.gz: not loaded by the runs that have none
const require = createRequire(import.meta.url);
const gunzipSync = (bytes: Uint8Array): Buffer => (require("node:zlib") as typeof import("node:zlib")).gunzipSync(bytes);

/** Entry name → bytes for the wanted names that exist (names as stored, e.g. "/policy.wasm"). */
export function readTarGz(bytes: Uint8Array, wanted: readonly string[]): Map<string, Buffer> {
  const tar = gunzipSync(bytes);
  const out = new Map<string, Buffer>();
  let pax: Record<string, string> = {};
  for (let off = 0; off + 512 <= tar.length; ) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, len: number) => header.subarray(start, start + len).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const name = pax.path ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    const data = tar.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === "x") {
      pax = parsePax(data);
      continue;
    }
    pax = {};
    const normalized = name.startsWith("/") ? name : `/${name.replace(/^\.\//, "")}`;
    if ((type === "0" || type === "") && wanted.includes(normalized)) out.set(normalized, Buffer.from(data));
  }
  return out;
}

function parsePax(data: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
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
