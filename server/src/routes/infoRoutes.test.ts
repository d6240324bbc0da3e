import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanUrls } from './infoRoutes.js';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as os.NetworkInterfaceInfo;

const interfaces = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  wlan0: [nic('192.168.1.23', 'IPv4', false), nic('fe80::1', 'IPv6', false)],
  eth0: [nic('10.0.0.5', 'IPv4', false)],
};

describe('lanUrls', () => {
  it('lists every non-internal IPv4 address with the port when listening on all interfaces', () => {
    expect(lanUrls(interfaces, '0.0.0.0', 8080)).toEqual(['http://192.168.1.23:8080', 'http://10.0.0.5:8080']);
    expect(lanUrls(interfaces, '::', 9000)).toEqual(['http://192.168.1.23:9000', 'http://10.0.0.5:9000']);
  });

  it('lists the one address listened on, and nothing for loopback', () => {
    expect(lanUrls(interfaces, '10.0.0.5', 8080)).toEqual(['http://10.0.0.5:8080']);
    expect(lanUrls(interfaces, '127.0.0.1', 8080)).toEqual([]);
    expect(lanUrls(interfaces, 'localhost', 8080)).toEqual([]);
  });
});
