// Which network addresses an outbound request may reach: public unicast only, unless the
// operator explicitly allows a host, address or subnet (MARSAD_ALLOW_HOSTS, or an option).
import { BlockList, isIP } from 'node:net';

/** Ranges that must never be reached from a URL someone else supplied (SSRF). */
const BLOCKED_V4: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches localhost on Linux
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, includes 169.254.169.254 cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments (incl. 192.0.0.192 Oracle metadata)
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
];
const BLOCKED_V6: Array<[string, number]> = [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 can embed any IPv4 address, private ones included
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001:db8::', 32],
  ['2002::', 16], // 6to4 embeds IPv4
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
  ['fd00:ec2::254', 128], // AWS IPv6 metadata (already inside fc00::/7; named for the reader)
];

const blocked = new BlockList();
for (const [a, p] of BLOCKED_V4) blocked.addSubnet(a, p, 'ipv4');
for (const [a, p] of BLOCKED_V6) blocked.addSubnet(a, p, 'ipv6');

/** Host names that are metadata endpoints whatever they resolve to. */
const BLOCKED_NAMES = new Set(['metadata.google.internal', 'metadata', 'instance-data', 'localhost']);

/** An IPv4 address hidden in an IPv6 one (::ffff:a.b.c.d, ::ffff:7f00:1, ::a.b.c.d), or null. */
export function embeddedIPv4(ip: string): string | null {
  const lower = ip.toLowerCase().replace(/^\[|\]$/g, '');
  const dotted = /^(?:0*:)*(?:ffff:)?(?:0+:)?(\d+\.\d+\.\d+\.\d+)$/.exec(lower.replace(/^::/, '0:'));
  if (dotted && isIP(dotted[1]) === 4) return dotted[1];
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower.replace(/^::/, '0:'));
  if (hex) {
    const hi = parseInt(hex[1], 16);
    const lo = parseInt(hex[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

export function isBlockedAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIPv4(bare);
    if (v4) return blocked.check(v4, 'ipv4');
    return blocked.check(bare, 'ipv6');
  }
  return true; // not an address at all: refuse rather than guess
}

/** Operator exceptions: exact host names, exact addresses, or CIDR subnets. */
export class AllowList {
  private readonly names = new Set<string>();
  private readonly nets = new BlockList();
  private empty = true;

  constructor(entries: Iterable<string> = []) {
    for (const raw of entries) {
      const e = raw.trim().toLowerCase();
      if (!e) continue;
      this.empty = false;
      const [addr, prefix] = e.split('/');
      const fam = isIP(addr);
      if (fam && prefix !== undefined) this.nets.addSubnet(addr, Number(prefix), fam === 4 ? 'ipv4' : 'ipv6');
      else if (fam) this.nets.addAddress(addr, fam === 4 ? 'ipv4' : 'ipv6');
      else this.names.add(e);
    }
  }

  /** Reads MARSAD_ALLOW_HOSTS (comma or space separated). */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): AllowList {
    return new AllowList((env.MARSAD_ALLOW_HOSTS ?? '').split(/[\s,]+/));
  }

  allowsName(host: string): boolean {
    return !this.empty && this.names.has(host.toLowerCase().replace(/\.$/, ''));
  }

  allowsAddress(ip: string): boolean {
    if (this.empty) return false;
    const bare = ip.replace(/^\[|\]$/g, '');
    const v4 = isIP(bare) === 6 ? embeddedIPv4(bare) : null;
    if (v4) return this.nets.check(v4, 'ipv4') || this.names.has(v4);
    const fam = isIP(bare);
    if (!fam) return false;
    return this.nets.check(bare, fam === 4 ? 'ipv4' : 'ipv6') || this.names.has(bare.toLowerCase());
  }
}

/** Whether the guard may connect to `ip`, reached through host name `host`. */
export function addressAllowed(host: string, ip: string, allow: AllowList): boolean {
  if (allow.allowsName(host) || allow.allowsAddress(ip)) return true;
  if (BLOCKED_NAMES.has(host.toLowerCase().replace(/\.$/, ''))) return false;
  return !isBlockedAddress(ip);
}
