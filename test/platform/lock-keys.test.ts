/**
 * The background rounds that run on one instance at a time each hold their own advisory lock: two
 * sharing a key would skip each other's runs whenever they overlapped.
 */
import { expect, test } from 'vitest';
import { DIGEST_LOCK_KEY } from '../../server/audit/digests.ts';
import { SCHEDULER_LOCK_KEY } from '../../server/domains/scheduler.ts';
import { RETENTION_LOCK_KEY } from '../../server/privacy/retention.ts';
import { DELIVERY_LOCK_KEY } from '../../server/webhooks/delivery-worker.ts';
import { PRIVACY_LOCK_KEY } from '../../server/privacy/privacy-job-worker.ts';
import { DELETION_LOCK_KEY } from '../../server/tenants/deletion-round.ts';
import { ROLLUP_RETENTION_LOCK_KEY } from '../../server/tenant-metrics/tenant-metrics.ts';

test('every background round has a lock key of its own', () => {
  const keys = [
    SCHEDULER_LOCK_KEY,
    DELIVERY_LOCK_KEY,
    RETENTION_LOCK_KEY,
    DIGEST_LOCK_KEY,
    PRIVACY_LOCK_KEY,
    DELETION_LOCK_KEY,
    ROLLUP_RETENTION_LOCK_KEY,
  ];
  expect(new Set(keys).size).toBe(keys.length);
});
