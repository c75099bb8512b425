/**
 * How a flag is decided for one tenant from what the levels above it and the tenant itself set
 * (docs/flags.md). Pure: no database, so the rules are tested on their own.
 *
 * 1. A `killed` setting at any level of the tenant's chain switches the flag off, and the highest
 *    such level decides: nothing below a kill switch can turn the flag on again.
 * 2. Otherwise the nearest level that sets the flag decides: `on` and `off` say so; `rollout` turns
 *    it on for the tenants whose bucket is below its percentage (decidedBy `rollout`).
 * 3. A flag no level sets is off (decidedBy `default`).
 */
import { createHash } from 'node:crypto';
import type { FlagState } from '../db/schema.ts';

export type { FlagState } from '../db/schema.ts';

/** The flag name rule of the database's CHECK (0002). */
export const FLAG_NAME = '^[a-z][a-z0-9_.-]{0,63}$';

export type FlagLevel = 'platform' | 'agency' | 'client';

/** What one level says about a flag. */
export interface FlagSetting {
  readonly state: FlagState;
  /** 0–100 when the state is `rollout`, else null. */
  readonly percent: number | null;
  /** Whether the flag's value reaches the widget's configuration. */
  readonly public: boolean;
}

/** What each level of a tenant's chain sets for one flag; a level that sets nothing is absent. */
export type FlagChain = Readonly<Partial<Record<FlagLevel, FlagSetting>>>;

export interface FlagDecision {
  readonly enabled: boolean;
  readonly decidedBy: FlagLevel | 'rollout' | 'default';
  /** The rollout that decided, and the level that set it; null when no rollout decided. */
  readonly rollout: { readonly percent: number; readonly setAt: FlagLevel } | null;
  /** Whether any level of the chain makes the flag public. */
  readonly public: boolean;
}

/** Top down: a kill switch is looked for from the platform, the nearest setting from the tenant. */
const TOP_DOWN: readonly FlagLevel[] = ['platform', 'agency', 'client'];
const BOTTOM_UP: readonly FlagLevel[] = ['client', 'agency', 'platform'];

/**
 * The tenant's bucket for a flag, 0–99: the first four bytes of SHA-256(`flag:tenantId`) modulo 100.
 * The same tenant and flag always get the same bucket, so a tenant in a rollout at 10 % is in it
 * at every larger percentage; each flag spreads the tenants afresh.
 */
export function bucketOf(flag: string, tenantId: string): number {
  return createHash('sha256').update(`${flag}:${tenantId}`).digest().readUInt32BE(0) % 100;
}

/** The decision for the tenant `tenantId` (an agency's or a client's id) from its chain's settings. */
export function decideFlag(flag: string, tenantId: string, chain: FlagChain): FlagDecision {
  const isPublic = TOP_DOWN.some((level) => chain[level]?.public === true);
  for (const level of TOP_DOWN) {
    if (chain[level]?.state === 'killed') return { enabled: false, decidedBy: level, rollout: null, public: isPublic };
  }
  for (const level of BOTTOM_UP) {
    const setting = chain[level];
    if (!setting) continue;
    if (setting.state === 'rollout') {
      const percent = setting.percent ?? 0;
      return {
        enabled: bucketOf(flag, tenantId) < percent,
        decidedBy: 'rollout',
        rollout: { percent, setAt: level },
        public: isPublic,
      };
    }
    return { enabled: setting.state === 'on', decidedBy: level, rollout: null, public: isPublic };
  }
  return { enabled: false, decidedBy: 'default', rollout: null, public: isPublic };
}
