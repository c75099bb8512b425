/**
 * Isolation-breach alerts (docs/alerts.md): a signal that something crossed, or tried to cross, a
 * tenant boundary becomes one row of `alerts`, is written to the log at warn or error, and is sent
 * to the platform's alert webhook, signed as tenant webhooks are.
 *
 * Raising never holds up or fails the request that saw the signal: the row is written on the
 * privileged path after the caller has moved on, and the webhook is sent with a time limit; a
 * failure of either is logged. Occurrences of one kind and dedupe key count on one open (or
 * acknowledged) row; only a new row, a first occurrence or one after the last was resolved, is sent.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Actor, AuditTenant } from '../db/audit-writer.ts';
import { writeAudit } from '../db/audit-writer.ts';
import type { AlertsTable, Database, TenantType } from '../db/schema.ts';
import type { TenantDatabase } from '../db/tenant-db.ts';
import { jsonbText } from '../db/jsonb-text.ts';
import { AlertResolved, NotFound } from '../errors.ts';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from '../webhooks/signature.ts';
import { sendWebhook, type SendOptions } from '../webhooks/sender.ts';

export const ALERT_KINDS = [
  'database_privilege_denied',
  'provisioning_isolation_failed',
  'token_after_user_removed',
  'cross_tenant_denials',
  'refused_origin_spike',
  'domain_failing',
  'scoped_without_context',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertSeverity = 'warning' | 'critical';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

export interface AlertTenant {
  type: TenantType;
  id: string;
}

export interface AlertInput {
  kind: AlertKind;
  severity: AlertSeverity;
  /** The tenant the signal concerns; null for the deployment as a whole. */
  tenant: AlertTenant | null;
  /** What makes two occurrences one alert within the kind (the tenant, a caller, a domain). */
  dedupeKey: string;
  /** Shown with the alert: only what the tenant concerned may see, never another tenant's data. */
  details: Record<string, unknown>;
}

export interface StoredAlert {
  id: string;
  kind: string;
  severity: AlertSeverity;
  tenantType: TenantType | null;
  tenantId: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  count: number;
  details: Record<string, unknown>;
  status: AlertStatus;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

function toAlert(row: Selectable<AlertsTable>): StoredAlert {
  return {
    id: row.alert_id,
    kind: row.kind,
    severity: row.severity,
    tenantType: row.tenant_type,
    tenantId: row.tenant_id,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    count: row.count,
    details: row.details,
    status: row.status,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
  };
}

/** Longest dedupe key kept; the rest of a longer one is cut (it names a caller or a tenant, not more). */
const DEDUPE_KEY_LENGTH = 200;

/**
 * Records one occurrence: a new open alert, or one more on the open or acknowledged alert of the
 * same kind and dedupe key (count, last_seen_at and the newest details). `first` says which.
 */
export async function raiseAlert(
  db: Kysely<Database>,
  input: AlertInput,
): Promise<{ alert: StoredAlert; first: boolean }> {
  const row = await db
    .insertInto('alerts')
    .values({
      kind: input.kind,
      severity: input.severity,
      tenant_type: input.tenant?.type ?? null,
      tenant_id: input.tenant?.id ?? null,
      dedupe_key: input.dedupeKey.slice(0, DEDUPE_KEY_LENGTH),
      details: jsonbText(input.details),
    })
    .onConflict((conflict) =>
      conflict.columns(['kind', 'dedupe_key']).where('status', '<>', 'resolved').doUpdateSet({
        count: sql`alerts.count + 1`,
        last_seen_at: sql`date_trunc('milliseconds', now())`,
        details: sql`excluded.details`,
      }),
    )
    .returningAll()
    // A row the statement inserted has no deleting transaction yet; an updated one has this one's.
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .executeTakeFirstOrThrow();
  const { inserted, ...stored } = row;
  return { alert: toAlert(stored), first: inserted };
}

export interface AlertFilter {
  status?: AlertStatus;
  kind?: string;
  /** The page after this (first_seen_at, alert_id); newest first. */
  after: { at: Date; id: string } | null;
  limit: number;
}

/** One page of alerts, newest first by first_seen_at; limit + 1 rows are read so the caller knows if more follow. */
export async function listAlerts(db: Kysely<Database>, filter: AlertFilter): Promise<StoredAlert[]> {
  let query = db
    .selectFrom('alerts')
    .selectAll()
    .orderBy('first_seen_at', 'desc')
    .orderBy('alert_id', 'desc')
    .limit(filter.limit + 1);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const after = filter.after;
  if (after) query = query.where(sql<boolean>`(first_seen_at, alert_id) < (${after.at}, ${after.id})`);
  return (await query.execute()).map(toAlert);
}

/**
 * Moves an alert on: `acknowledged` (someone is on it; occurrences keep counting on it) or
 * `resolved` (closed; the next occurrence opens a new alert). Audited in the platform's own chain.
 * Asking for the state an alert is already in changes nothing and writes no audit entry.
 */
export async function changeAlertStatus(
  db: Kysely<Database>,
  platform: AuditTenant,
  actor: Actor,
  alertId: string,
  to: 'acknowledged' | 'resolved',
): Promise<StoredAlert> {
  const row = await db.selectFrom('alerts').selectAll().where('alert_id', '=', alertId).forUpdate().executeTakeFirst();
  if (!row) throw new NotFound('Alert');
  if (row.status === to) return toAlert(row);
  if (row.status === 'resolved') throw new AlertResolved();
  const changed = await db
    .updateTable('alerts')
    .set(
      to === 'acknowledged'
        ? { status: to, acknowledged_by: actor.id, acknowledged_at: sql`now()` }
        : { status: to, resolved_by: actor.id, resolved_at: sql`now()` },
    )
    .where('alert_id', '=', alertId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(db, platform, actor, {
    action: to === 'acknowledged' ? 'alert.acknowledged' : 'alert.resolved',
    targetType: 'alert',
    targetId: alertId,
    details: { kind: row.kind, tenantType: row.tenant_type, tenantId: row.tenant_id, previous: row.status },
  });
  return toAlert(changed);
}

/** The body an alert webhook receives: the shape of a tenant webhook's event (docs/webhooks.md). */
export function alertEvent(
  alert: StoredAlert,
  at: Date,
): { id: string; type: string; createdAt: string; data: unknown } {
  return { id: randomUUID(), type: 'alert.raised', createdAt: at.toISOString(), data: alert };
}

export interface AlertWebhook {
  /** UPZENTO_ALERT_WEBHOOK_URL. */
  url: URL;
  /** UPZENTO_ALERT_WEBHOOK_SECRET: the HMAC key of Upzento-Signature. */
  secret: string;
}

export interface AlertsOptions {
  data: TenantDatabase;
  log: FastifyBaseLogger;
  /** Where new alerts are sent; null: nowhere (the row and the log line remain). */
  webhook: AlertWebhook | null;
  /** How a send is made; the target is the operator's own, so private addresses are its choice. */
  send: SendOptions;
  now?: () => Date;
}

const USER_AGENT = 'Upzento-Alerts/1';

export class Alerts {
  readonly #options: AlertsOptions;
  readonly #now: () => Date;
  readonly #pending = new Set<Promise<void>>();

  constructor(options: AlertsOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  /** Logs the signal now; stores and sends it in the background. Never throws, never waits. */
  raise(input: AlertInput): void {
    const line = { alert: input.kind, tenant: input.tenant, dedupeKey: input.dedupeKey, details: input.details };
    if (input.severity === 'critical') this.#options.log.error(line, `isolation alert: ${input.kind}`);
    else this.#options.log.warn(line, `isolation alert: ${input.kind}`);
    const work = this.#record(input).finally(() => this.#pending.delete(work));
    this.#pending.add(work);
  }

  /** Waits for every raise in flight, its send included (tests; shutdown). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  async #record(input: AlertInput): Promise<void> {
    let raised: { alert: StoredAlert; first: boolean };
    try {
      raised = await this.#options.data.privileged(`alerts: record ${input.kind}`, (db) => raiseAlert(db, input));
    } catch (error) {
      this.#options.log.error({ err: error, alert: input.kind }, 'isolation alert could not be stored');
      return;
    }
    if (raised.first && this.#options.webhook) await this.#send(this.#options.webhook, raised.alert);
  }

  async #send(webhook: AlertWebhook, alert: StoredAlert): Promise<void> {
    const at = this.#now();
    const event = alertEvent(alert, at);
    const body = JSON.stringify(event);
    const headers = {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      [EVENT_ID_HEADER]: event.id,
      'Upzento-Event-Type': event.type,
      [SIGNATURE_HEADER]: signatureHeader([webhook.secret], at, body),
    };
    try {
      const result = await sendWebhook(webhook.url, headers, body, this.#options.send);
      if (!result.ok)
        this.#options.log.error(
          { alertId: alert.id, status: result.status, reason: result.error },
          'isolation alert was not accepted by the alert webhook',
        );
    } catch (error) {
      this.#options.log.error({ err: error, alertId: alert.id }, 'isolation alert could not be sent');
    }
  }
}
