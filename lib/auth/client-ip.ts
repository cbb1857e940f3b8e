import { isIP } from "node:net";

/**
 * The client's IP address as the rate limiter, the audit log and session
 * records see it.
 *
 * Next.js fills X-Forwarded-For with the socket's peer address when the request
 * carries none, and keeps a client-supplied one as it is. So:
 * - `trustedProxies` = 0 (the default, the app is reached directly): the
 *   header's last entry, which is the peer address unless the client sent the
 *   header itself. A client that forges it picks the per-IP bucket it is counted
 *   in; the per-account limit on addresses the account does not know still
 *   bounds its guesses (lib/auth/sign-in-rate-limit.ts).
 * - `trustedProxies` = N: each trusted proxy appends the address it received
 *   from, so the client is the N-th entry from the right; entries further left
 *   are the client's own claims and are ignored.
 * X-Real-IP is used only when there is no X-Forwarded-For.
 */
export function clientIpFrom(headers: Pick<Headers, "get">, trustedProxies: number): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded.length > 0) {
    const index = Math.max(0, forwarded.length - Math.max(1, trustedProxies));
    return normalizeIp(forwarded[index]!);
  }
  const realIp = headers.get("x-real-ip");
  return realIp ? normalizeIp(realIp.trim()) : null;
}

/** Canonical text for an address: ports and brackets stripped, IPv4-mapped IPv6 as IPv4; null if not an IP. */
export function normalizeIp(value: string): string | null {
  let address = value;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const zone = address.indexOf("%");
  if (zone !== -1) address = address.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const family = isIP(address);
  if (family === 4) return address;
  if (family === 6) return expandIpv6(address).join(":");
  return null;
}

/**
 * The key the per-IP sign-in limit counts under: an IPv4 address as it is, an
 * IPv6 address by its /64 network (one subscriber usually holds a whole /64,
 * so counting single addresses would be no limit at all).
 */
export function rateLimitKeyForIp(ip: string | null): string {
  if (ip === null) return "unknown";
  if (isIP(ip) !== 6) return ip;
  return `${expandIpv6(ip).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  let text = address.toLowerCase();
  // A trailing dotted IPv4 part ("::ffff:1.2.3.4", "64:ff9b::1.2.3.4") becomes two groups.
  const dotted = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail === undefined ? [] : tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...tailGroups];
  return groups.map((group) => group.padStart(4, "0"));
}
