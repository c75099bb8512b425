/**
 * The test DNS server's own promises that the resolver tests lean on but cannot see,
 * checked on the wire with dns-packet directly.
 */
import { createSocket } from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import type { DecodedPacket } from 'dns-packet';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTestDnsServer, type TestDnsServer } from '../support/dns-server.ts';

let dns: TestDnsServer;

/** dns-packet decodes the RCODE by name, but its types leave the field out. */
const rcode = (reply: DecodedPacket): string => (reply as DecodedPacket & { rcode: string }).rcode;

beforeEach(async () => {
  dns = await startTestDnsServer();
});

afterEach(async () => {
  await dns.close();
});

async function askUdp(name: string, edns = true): Promise<DecodedPacket> {
  const socket = createSocket('udp4');
  try {
    return await new Promise<DecodedPacket>((resolve, reject) => {
      socket.once('message', (message) => resolve(dnsPacket.decode(message)));
      socket.once('error', reject);
      const opt = { name: '.', udpPayloadSize: 4096, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false };
      const additionals = edns ? [{ type: 'OPT' as const, ...opt, options: [] }] : [];
      const query = dnsPacket.encode({ type: 'query', id: 7, questions: [{ type: 'TXT', name }], additionals });
      socket.send(query, dns.port, dns.address);
    });
  } finally {
    socket.close();
  }
}

it('splits a long value into character-strings of at most 255 bytes', async () => {
  dns.setTxt('long.test', ['z'.repeat(600)]);

  const reply = await askUdp('long.test');

  const answer = reply.answers?.[0];
  expect(answer?.type === 'TXT' && (answer.data as Buffer[]).map((chunk) => chunk.length)).toEqual([255, 255, 90]);
});

it('truncates over UDP what does not fit in 512 bytes for a client without EDNS', async () => {
  dns.setTxt('long.test', ['z'.repeat(600)]);

  const reply = await askUdp('long.test', false);

  expect(reply.flag_tc).toBe(true);
  expect(reply.answers).toEqual([]);
});

it('answers NXDOMAIN for unknown names and NOERROR without answers for a name with no TXT', async () => {
  dns.setTxt('empty.test', []);

  const unknown = await askUdp('unknown.test');
  const empty = await askUdp('empty.test');

  expect(rcode(unknown)).toBe('NXDOMAIN');
  expect(rcode(empty)).toBe('NOERROR');
  expect(empty.answers).toEqual([]);
});

it('forgets a removed name', async () => {
  dns.setTxt('gone.test', ['x']);
  dns.remove('gone.test');

  expect(rcode(await askUdp('gone.test'))).toBe('NXDOMAIN');
});

it('refuses a character-string given over 255 bytes instead of sending a corrupt record', () => {
  expect(() => dns.setTxt('bad.test', [['y'.repeat(256)]])).toThrow(/over 255 bytes/);
});
