import { describe, expect, it } from 'vitest';
import { AllowList, addressAllowed, embeddedIPv4, isBlockedAddress } from './address-policy.js';

describe('isBlockedAddress', () => {
  it.each([
    ['127.0.0.1', true], ['127.8.9.10', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.255', true],
    ['192.168.1.1', true], ['169.254.169.254', true], ['100.64.0.1', true], ['100.127.255.254', true],
    ['0.0.0.0', true], ['224.0.0.1', true], ['239.255.255.250', true], ['255.255.255.255', true],
    ['::1', true], ['::', true], ['fe80::1', true], ['fc00::1', true], ['fd00:ec2::254', true], ['ff02::1', true],
    ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['::ffff:a9fe:a9fe', true], ['::ffff:10.0.0.1', true],
    ['64:ff9b::a9fe:a9fe', true], ['not-an-ip', true],
    ['8.8.8.8', false], ['93.184.216.34', false], ['172.32.0.1', false], ['100.128.0.1', false],
    ['2606:4700:4700::1111', false], ['::ffff:8.8.8.8', false],
  ])('%s → blocked %s', (ip, blocked) => {
    expect(isBlockedAddress(ip)).toBe(blocked);
  });

  it('finds IPv4 addresses hidden in IPv6', () => {
    expect(embeddedIPv4('::ffff:192.168.0.1')).toBe('192.168.0.1');
    expect(embeddedIPv4('::ffff:c0a8:1')).toBe('192.168.0.1');
    expect(embeddedIPv4('2001:db8::1')).toBeNull();
  });
});

describe('AllowList', () => {
  it.each([
    [['127.0.0.1'], 'localhost', '127.0.0.1', true],
    [['127.0.0.1'], 'x', '::ffff:127.0.0.1', true],
    [['127.0.0.1'], 'x', '127.0.0.2', false],
    [['10.0.0.0/8'], 'intranet', '10.9.8.7', true],
    [['feeds.internal'], 'feeds.internal', '10.0.0.9', true],
    [[], 'metadata.google.internal', '8.8.8.8', false],
    [[], 'example.org', '8.8.8.8', true],
  ])('%j allows %s at %s: %s', (entries, host, ip, allowed) => {
    expect(addressAllowed(host, ip, new AllowList(entries))).toBe(allowed);
  });

  it('reads MARSAD_ALLOW_HOSTS', () => {
    const allow = AllowList.fromEnv({ MARSAD_ALLOW_HOSTS: '127.0.0.1, 192.168.0.0/16' });
    expect(allow.allowsAddress('192.168.4.4')).toBe(true);
    expect(allow.allowsAddress('10.0.0.1')).toBe(false);
  });
});
