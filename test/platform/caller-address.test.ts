/** Per-address limits count an IPv6 caller by its /64, which one subscriber usually holds whole. */
import { expect, test } from 'vitest';
import { callerAddress } from '../../server/http/caller-address.ts';

test.each([
  ['203.0.113.7', '203.0.113.7'],
  ['::ffff:203.0.113.7', '203.0.113.7'],
  ['2001:db8:aa:bb:1:2:3:4', '2001:db8:aa:bb::/64'],
  ['2001:0db8:00aa:00bb:ffff::1', '2001:db8:aa:bb::/64'],
  ['2001:db8::1', '2001:db8:0:0::/64'],
  ['2001:db8:0:0:ffff:ffff:ffff:ffff', '2001:db8:0:0::/64'],
  ['::1', '0:0:0:0::/64'],
])('%s counts as %s', (ip, unit) => {
  expect(callerAddress(ip)).toBe(unit);
});
