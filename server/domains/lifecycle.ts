/**
 * How a domain's status moves, as a pure function of its state, the outcome of a check and the
 * time. pending → verified when the record matches; a pending challenge not met in time →
 * expired; verified → failing when a re-check does not find the record (still authorized during
 * the grace period) → revoked when the grace period ends without the record coming back. A DNS
 * failure (temporary) never changes the status; it only asks for an earlier retry.
 */
import type { CheckOutcome, Domain, DomainStatus } from '../db/schema.ts';

export interface DomainTimings {
  /** How often a verified domain is checked again; default 24 h. */
  recheckIntervalMs: number;
  /** How long a failing domain stays authorized; default 72 h. */
  gracePeriodMs: number;
  /** How long a pending challenge may wait; default 7 days. */
  challengeTtlMs: number;
  /** How often a pending or failing domain is looked at again; default 1 h. */
  retryIntervalMs: number;
  /** Spread of scheduled re-checks, as a fraction of the interval, so they do not all fall at once; default 0.1. */
  jitter: number;
}

const HOUR = 3600_000;

export const DEFAULT_TIMINGS: DomainTimings = Object.freeze({
  recheckIntervalMs: 24 * HOUR,
  gracePeriodMs: 72 * HOUR,
  challengeTtlMs: 7 * 24 * HOUR,
  retryIntervalMs: HOUR,
  jitter: 0.1,
});

/** Statuses whose domain authorizes widget origins. */
export const AUTHORIZING: readonly DomainStatus[] = ['verified', 'failing'];

export interface DomainState {
  status: DomainStatus;
  createdAt: Date;
  verifiedAt: Date | null;
  failingSince: Date | null;
}

/** The status columns of a domains row, as the database returns them. */
export type DomainStatusRow = Pick<Domain, 'status' | 'created_at' | 'verified_at' | 'failing_since'>;

export function stateOf(row: DomainStatusRow): DomainState {
  return {
    status: row.status,
    createdAt: row.created_at,
    verifiedAt: row.verified_at,
    failingSince: row.failing_since,
  };
}

export interface Transition extends DomainState {
  nextCheckAt: Date | null;
}

/** When a pending challenge created at `createdAt` expires. */
export function expiresAt(createdAt: Date, timings: DomainTimings): Date {
  return new Date(createdAt.getTime() + timings.challengeTtlMs);
}

/** A pending challenge past its time, with no check needed to know it. */
export function isExpired(state: DomainState, now: Date, timings: DomainTimings): boolean {
  return state.status === 'pending' && now >= expiresAt(state.createdAt, timings);
}

/**
 * The state after a check. A match makes any status verified: a client who puts the record back
 * after a revocation, or meets an expired challenge late, needs no new registration.
 */
export function afterCheck(
  state: DomainState,
  check: { outcome: CheckOutcome },
  now: Date,
  timings: DomainTimings,
  random: () => number = Math.random,
): Transition {
  const retry = new Date(now.getTime() + timings.retryIntervalMs);
  const temporary = check.outcome === 'dns_failure';

  if (check.outcome === 'matched') {
    const stillVerified = state.status === 'verified' || state.status === 'failing';
    return transitionFrom(state, jittered(now, timings.recheckIntervalMs, timings.jitter, random), {
      status: 'verified',
      verifiedAt: stillVerified ? (state.verifiedAt ?? now) : now,
      failingSince: null,
    });
  }
  switch (state.status) {
    case 'pending': {
      const expiry = expiresAt(state.createdAt, timings);
      if (now >= expiry) return transitionFrom(state, null, { status: 'expired' });
      return transitionFrom(state, earliest(retry, expiry));
    }
    case 'verified':
      if (temporary) return transitionFrom(state, retry);
      return transitionFrom(state, earliest(retry, graceEnd(now, timings)), { status: 'failing', failingSince: now });
    case 'failing': {
      const end = graceEnd(state.failingSince ?? now, timings);
      if (now < end) return transitionFrom(state, earliest(retry, end));
      // The grace period is over: only an answer can revoke, so a DNS failure waits for the next retry.
      return temporary ? transitionFrom(state, retry) : transitionFrom(state, null, { status: 'revoked' });
    }
    case 'revoked':
    case 'expired':
      return transitionFrom(state, null);
  }
}

/**
 * `state` with `changes` applied and its next check set, built as one literal: the scheduler calls
 * this for every domain of a round (docs/performance.md).
 */
function transitionFrom(
  state: DomainState,
  nextCheckAt: Date | null,
  changes: Partial<Omit<DomainState, 'createdAt'>> = {},
): Transition {
  return {
    status: changes.status ?? state.status,
    createdAt: state.createdAt,
    verifiedAt: changes.verifiedAt === undefined ? state.verifiedAt : changes.verifiedAt,
    failingSince: changes.failingSince === undefined ? state.failingSince : changes.failingSince,
    nextCheckAt,
  };
}

function jittered(now: Date, intervalMs: number, jitter: number, random: () => number): Date {
  const spread = intervalMs * jitter;
  return new Date(now.getTime() + intervalMs - spread + 2 * spread * random());
}

function graceEnd(since: Date, timings: DomainTimings): Date {
  return new Date(since.getTime() + timings.gracePeriodMs);
}

function earliest(a: Date, b: Date): Date {
  return a < b ? a : b;
}
