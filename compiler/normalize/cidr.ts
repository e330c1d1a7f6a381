// IPv4 CIDR arithmetic on unsigned 32-bit integers (JS numbers; `>>> 0` keeps them unsigned).

export interface Cidr {
  /** Network address as an unsigned 32-bit integer (host bits may be set if parsed raw). */
  base: number;
  prefix: number;
}

export function parseCidr(text: string): Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = (((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0);
  return { base, prefix };
}

export function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function size(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

/** The network address with host bits cleared. */
export function canonical(c: Cidr): Cidr {
  return { base: (c.base & mask(c.prefix)) >>> 0, prefix: c.prefix };
}

export function isCanonical(c: Cidr): boolean {
  return canonical(c).base === c.base;
}

export function formatCidr(c: Cidr): string {
  const b = c.base;
  return `${b >>> 24}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${c.prefix}`;
}

/** Does `outer` contain all of `inner`? */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && ((inner.base & mask(outer.prefix)) >>> 0) === canonical(outer).base;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return contains(a, b) || contains(b, a);
}

/** The index-th block of `newPrefix` inside `parent` (parent must be canonical). */
export function subdivide(parent: Cidr, newPrefix: number, index: number): Cidr {
  if (newPrefix < parent.prefix || newPrefix > 32) throw new Error(`cannot split /${parent.prefix} into /${newPrefix}`);
  const count = 2 ** (newPrefix - parent.prefix);
  if (index < 0 || index >= count) throw new Error(`block ${index} out of range (0..${count - 1})`);
  return { base: (parent.base + index * 2 ** (32 - newPrefix)) >>> 0, prefix: newPrefix };
}

const private4 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map((c) => parseCidr(c)!);

export function isRfc1918(c: Cidr): boolean {
  return private4.some((p) => contains(p, c));
}

/** kops' default nonMasqueradeCIDR: pods (100.96.0.0/11) and services (100.64.0.0/13) live here. */
export const KOPS_NON_MASQUERADE_CIDR = "100.64.0.0/10";
