// Custom ajv formats. Kept strict and small: they decide syntax only; semantic checks
// (host bits, overlaps, containment) live in normalize where they can give better hints.

/** a.b.c.d/n with octets 0-255 (no leading zeros) and n 0-32. */
export function isIpv4Cidr(value: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (!m) return false;
  const octets = m.slice(1, 5);
  if (octets.some((o) => (o.length > 1 && o.startsWith("0")) || Number(o) > 255)) return false;
  const prefix = m[5]!;
  return !(prefix.length > 1 && prefix.startsWith("0")) && Number(prefix) <= 32;
}

/** YYYY-MM-DD naming a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

export const formatDescriptions: Record<string, string> = {
  "ipv4-cidr": "an IPv4 CIDR block such as 10.20.0.0/16",
  date: "a date YYYY-MM-DD",
};
