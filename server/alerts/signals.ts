/**
 * Where each kind of alert comes from (docs/alerts.md). Each function here is called on a branch
 * that is already the rare one (an error answered, a token refused, a request outside the caller's
 * subtree, an origin refused, a domain failing), so the paths that succeed pay nothing for them.
 */
import type { FastifyError, FastifyRequest } from 'fastify';
import type { Actor, TenantScope } from '../db/tenant-db.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { IsolationBreach } from '../tenants/isolation-check.ts';
import type { AlertTenant, Alerts } from './alerts.ts';

/** SQLSTATE insufficient_privilege: a missing grant, and also "new row violates row-level security policy". */
const INSUFFICIENT_PRIVILEGE = '42501';

function tenantOf(context: TenantContext | null | undefined): AlertTenant | null {
  return context ? { type: context.tenantType, id: context.tenantId } : null;
}

/** What a request is, for an alert's details: its route's pattern, never the ids in its path. */
function requestDetails(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    route: request.routeOptions.url ?? null,
    requestId: request.id,
    userId: request.tenant?.userId ?? null,
  };
}

/**
 * Errors the error handler answers that are boundary signals: the database refusing a tenant
 * transaction (row-level security or a grant), and provisioning's isolation check failing.
 */
export function errorSignals(alerts: Alerts): (request: FastifyRequest, error: FastifyError) => void {
  return (request, error) => {
    if (error instanceof IsolationBreach) {
      const tenant = tenantOf(request.tenant);
      alerts.raise({
        kind: 'provisioning_isolation_failed',
        severity: 'critical',
        tenant,
        dedupeKey: tenant ? `${tenant.type}:${tenant.id}` : 'deployment',
        // The breach's own words count rows and name the tenant being made, nothing of the others.
        details: { ...requestDetails(request), breach: error.message, newTenant: error.tenant },
      });
    } else if (error.code === INSUFFICIENT_PRIVILEGE) {
      const tenant = tenantOf(request.tenant);
      const route = request.routeOptions.url ?? 'unknown';
      alerts.raise({
        kind: 'database_privilege_denied',
        severity: 'critical',
        tenant,
        dedupeKey: `${tenant ? `${tenant.type}:${tenant.id}` : 'anonymous'} ${request.method} ${route}`,
        details: { ...requestDetails(request), pgCode: error.code },
      });
    }
  };
}

/** A token whose signature holds but whose user no longer exists: removed, or the signing key is out. */
export function removedUserSignal(alerts: Alerts): (context: TenantContext) => void {
  return (context) =>
    alerts.raise({
      kind: 'token_after_user_removed',
      severity: 'warning',
      tenant: tenantOf(context),
      dedupeKey: `user:${context.userId}`,
      details: { userId: context.userId, role: context.role },
    });
}

export interface Threshold {
  /** More than this many within one window raises the alert. */
  max: number;
  windowMs: number;
}

/**
 * Counts events per key in fixed windows, in this instance's memory: cheap, and per instance (a
 * caller spread over several instances needs `max` on one of them). Keys are bounded: past
 * `maxKeys` the windows that ended are dropped, then the oldest.
 */
export class WindowCounter {
  readonly #threshold: Threshold;
  readonly #maxKeys: number;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(threshold: Threshold, maxKeys = 10_000) {
    this.#threshold = threshold;
    this.#maxKeys = maxKeys;
  }

  /** Counts one event; true exactly when this one takes the key past the threshold in its window. */
  crossed(key: string, now: number): boolean {
    let window = this.#windows.get(key);
    if (!window || now - window.start >= this.#threshold.windowMs) {
      window = { start: now, count: 0 };
      this.#windows.delete(key);
      this.#windows.set(key, window);
      if (this.#windows.size > this.#maxKeys) this.#trim(now);
    }
    window.count += 1;
    return window.count === this.#threshold.max + 1;
  }

  #trim(now: number): void {
    for (const [key, window] of this.#windows) {
      if (now - window.start >= this.#threshold.windowMs) this.#windows.delete(key);
    }
    // Insertion order is the order windows started: the first ones are the oldest.
    for (const key of this.#windows.keys()) {
      if (this.#windows.size <= this.#maxKeys) break;
      this.#windows.delete(key);
    }
  }
}

/** Default: more than 20 answers outside the caller's subtree in 5 minutes. */
export const DEFAULT_CROSS_TENANT_DENIALS: Threshold = { max: 20, windowMs: 5 * 60_000 };

/** One caller answered 404 or 403 for tenants outside its subtree, more often than `threshold` allows. */
export function crossTenantDenialSignal(
  alerts: Alerts,
  threshold: Threshold,
  now: () => number = Date.now,
): (context: TenantContext) => void {
  const counter = new WindowCounter(threshold);
  return (context) => {
    if (!counter.crossed(context.userId, now())) return;
    alerts.raise({
      kind: 'cross_tenant_denials',
      severity: 'warning',
      tenant: tenantOf(context),
      dedupeKey: `user:${context.userId}`,
      details: {
        userId: context.userId,
        role: context.role,
        denials: threshold.max + 1,
        windowSeconds: Math.round(threshold.windowMs / 1000),
      },
    });
  };
}

/** Default: more than 100 of one client's widget requests refused for their Origin in 5 minutes. */
export const DEFAULT_REFUSED_ORIGINS: Threshold = { max: 100, windowMs: 5 * 60_000 };

/**
 * One client's widget refused for the Origin more often than `threshold` allows: its embed copied to
 * a site it does not own, or a script probing it. The Origins and reasons stay in the log's "widget
 * origin refused" lines: they are the callers' words, and may name another tenant's site.
 */
export function refusedOriginSignal(
  alerts: Alerts,
  threshold: Threshold,
  now: () => number = Date.now,
): (client: { agencyId: string; clientId: string }) => void {
  const counter = new WindowCounter(threshold);
  return (client) => {
    if (!counter.crossed(client.clientId, now())) return;
    alerts.raise({
      kind: 'refused_origin_spike',
      severity: 'warning',
      tenant: { type: 'client', id: client.clientId },
      dedupeKey: `client:${client.clientId}`,
      details: { refusals: threshold.max + 1, windowSeconds: Math.round(threshold.windowMs / 1000) },
    });
  };
}

/**
 * A verified domain a re-check no longer finds the record of: still authorized for the grace
 * period, but the proof that the client owns the site is gone (the domain changed hands, or its DNS).
 */
export function domainFailingSignal(
  alerts: Alerts,
): (scope: TenantScope, domain: { domainId: string; hostname: string }) => void {
  return (scope, domain) =>
    alerts.raise({
      kind: 'domain_failing',
      severity: 'warning',
      tenant: scope.clientId ? { type: 'client', id: scope.clientId } : { type: 'agency', id: scope.agencyId },
      dedupeKey: `domain:${domain.domainId}`,
      details: { domainId: domain.domainId, hostname: domain.hostname },
    });
}

/**
 * A tenant transaction asked for without a whole context (server/db/tenant-db.ts refuses it): a
 * defect of the code, since every scope comes from a verified token or a resolved client.
 */
export function scopedWithoutContextSignal(alerts: Alerts): (scope: TenantScope, actor: Actor) => void {
  return (scope, actor) => {
    // What there is of the context: an agency given with its client left undefined, say.
    const agencyId = typeof scope?.agencyId === 'string' ? scope.agencyId : null;
    alerts.raise({
      kind: 'scoped_without_context',
      severity: 'critical',
      tenant: agencyId ? { type: 'agency', id: agencyId } : null,
      dedupeKey: agencyId ? `agency:${agencyId}` : 'deployment',
      details: {
        agencyId,
        clientId: scope?.clientId === undefined ? 'undefined' : scope.clientId,
        actorType: actor.type,
        actorId: actor.id,
        requestId: actor.requestId,
        // Where the code asked for it: the first frames outside the database layer.
        stack:
          new Error().stack
            ?.split('\n')
            .slice(3, 8)
            .map((line) => line.trim()) ?? [],
      },
    });
  };
}
