/**
 * A client's widget submissions per minute (`widgetSubmissionsPerMinute`), held across instances as
 * the API's rate is (limits-plugin.ts): each instance keeps a token bucket per client with its share
 * of the rate, the limit divided by the instances alive, so no request waits on a shared counter.
 * The bucket refills at the limit per minute and holds at most a minute's worth.
 */
import type { InstanceCount } from './instances.ts';
import type { LimitCache, Limits } from './limits.ts';
import { TokenBuckets } from './token-buckets.ts';

export interface WidgetClientRef {
  agencyId: string;
  clientId: string;
}

export class WidgetSubmissionLimit {
  readonly #limits: LimitCache;
  readonly #instances: Pick<InstanceCount, 'count'>;
  readonly #buckets: TokenBuckets;

  constructor(limits: LimitCache, instances: Pick<InstanceCount, 'count'>, buckets = new TokenBuckets()) {
    this.#limits = limits;
    this.#instances = instances;
    this.#buckets = buckets;
  }

  /** Takes one submission of the client's; the seconds to wait when it is over its limit, else 0. */
  take(client: WidgetClientRef): number | Promise<number> {
    const limits = this.#limits.get(client.clientId, client.agencyId);
    return limits instanceof Promise ? limits.then((read) => this.#take(client, read)) : this.#take(client, limits);
  }

  #take(client: WidgetClientRef, limits: Readonly<Limits>): number {
    const perMinute = limits.widgetSubmissionsPerMinute;
    return this.#buckets.take(client.clientId, perMinute / 60, perMinute, this.#instances.count).retryAfterSeconds;
  }
}
