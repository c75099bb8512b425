/**
 * An agency's or a client's state as the API's views give it: active, or suspended with who did it
 * and why (a scheduled deletion suspends the tenant and says so in the reason).
 */
import type { Schemas } from '../api.ts';
import { Badge } from '../ui.tsx';

type Tenant = Pick<Schemas['Agency'], 'status' | 'suspension'>;

const SUSPENDED_BY = { platform: 'the platform', agency: 'its agency' } as const;

export function TenantStatus({ tenant }: { tenant: Tenant }) {
  if (tenant.status === 'active' || !tenant.suspension) return <Badge tone="good">Active</Badge>;
  const { by, reason } = tenant.suspension;
  return (
    <>
      <Badge tone="bad">Suspended</Badge>{' '}
      <span class="muted">
        by {SUSPENDED_BY[by]}
        {reason ? `: ${reason}` : ''}
      </span>
    </>
  );
}
