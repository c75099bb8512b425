/**
 * Deleting a tenant in two steps: ask for it (the tenant is suspended at once and exported; its rows are
 * purged after the grace period), read how far it got, and cancel it within the grace period.
 */
import type { Command } from 'commander';
import type { TenantDeletion } from '../api.ts';
import { act, agencyOption, clientOption, leaf, tenantRef, when } from '../command-kit.ts';
import { usage } from '../failure.ts';
import { fields } from '../output.ts';
import { tenantCalls } from '../tenant-calls.ts';

const onTenant = (command: Command) =>
  clientOption(agencyOption(command, 'the agency (with all its clients; platform admin)'), 'the client');

function describe(deletion: TenantDeletion): string {
  const { archive } = deletion.export;
  return fields([
    ['deletion', deletion.id],
    ['status', deletion.status],
    ['tenant', `${deletion.tenantType} ${deletion.tenantId}`],
    ['requested', `${when(deletion.requestedAt)} by the ${deletion.requestedByLevel}`],
    ['purge after', when(deletion.purgeAfter)],
    ...(deletion.cancelledAt ? [['cancelled', when(deletion.cancelledAt)] as const] : []),
    ...(deletion.purgedAt ? [['purged', when(deletion.purgedAt)] as const] : []),
    ['export', `${deletion.export.id} (${deletion.export.status})`],
    ['archive', archive ? `${archive.bytes} bytes, until ${when(archive.expiresAt)}` : '-'],
  ]);
}

export function registerDeletion(program: Command): void {
  const deletion = program
    .command('deletion')
    .description('delete an agency or a client: suspended and exported at once, purged after a grace period');

  act(
    onTenant(
      leaf(
        deletion,
        'request',
        'ask for the deletion of a tenant (agency admins delete clients; the platform admin agencies)',
        ['upzento deletion request --client 0b7e…', 'upzento deletion request --agency 6f1c… --grace-days 7'],
      ),
    ).option(
      '--grace-days <n>',
      'days before the purge, during which it can be cancelled (1 to 90; 0, platform admin only)',
      '30',
    ),
    async (context) => {
      const graceDays = Number(context.options.graceDays);
      if (!Number.isInteger(graceDays) || graceDays < 0 || graceDays > 90)
        throw usage(`--grace-days: a whole number from 0 to 90, not "${String(context.options.graceDays)}".`);
      const tenant = await tenantRef(context);
      const asked = (await tenantCalls(context, tenant).requestDeletion({ graceDays })) as TenantDeletion;
      context.out.data(asked, describe);
      if (!context.options.json)
        context.out.note(`Cancel it until then: upzento deletion cancel --${tenant.type} ${tenant.id}`);
    },
  );

  act(
    onTenant(
      leaf(deletion, 'status', "a tenant's deletion: how far it got, and its export", [
        'upzento deletion status --client 0b7e…',
      ]),
    ),
    async (context) => {
      const found = (await tenantCalls(context, await tenantRef(context)).readDeletion()) as TenantDeletion;
      context.out.data(found, describe);
    },
  );

  act(
    onTenant(
      leaf(deletion, 'cancel', "cancel a tenant's deletion within its grace period", [
        'upzento deletion cancel --client 0b7e…',
      ]),
    ),
    async (context) => {
      const cancelled = (await tenantCalls(context, await tenantRef(context)).cancelDeletion()) as TenantDeletion;
      context.out.data(cancelled, describe);
    },
  );
}
