/**
 * Webhooks: the endpoints a client registers, and one delivery row per event and endpoint.
 *
 * - webhooks: the URL, the events it takes, and its signing secret. The secret is kept as text
 *   because every delivery is signed with it; it is shown to the client once, when it is made. While
 *   a rotation's overlap lasts, the secret it replaced signs too (previous_secret, until
 *   previous_secret_until).
 * - webhook_deliveries: the outbox. The submission's own transaction inserts a row per subscribed
 *   endpoint, so an event is stored exactly when its submission is, and the delivery worker sends
 *   what is due (next_attempt_at) and records each attempt on the row. A row holds no copy of the
 *   lead: the body is made from the submission at each attempt, so what is erased there is never
 *   sent later. Deleting an endpoint deletes its deliveries; deleting a submission deletes its own.
 */
import { sql, type Kysely } from 'kysely';
import { contextRule } from './policy-sql.ts';

const SCOPED = contextRule('client_id');

const WEBHOOKS_SQL = `
CREATE TABLE webhooks (
  agency_id             uuid NOT NULL,
  client_id             uuid NOT NULL,
  webhook_id            uuid NOT NULL DEFAULT gen_random_uuid(),
  url                   text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2048),
  events                text[] NOT NULL CHECK (cardinality(events) BETWEEN 1 AND 20),
  secret                text NOT NULL CHECK (secret ~ '^whsec_[A-Za-z0-9_-]{43}$'),
  previous_secret       text CHECK (previous_secret ~ '^whsec_[A-Za-z0-9_-]{43}$'),
  previous_secret_until timestamptz,
  created_at            timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  PRIMARY KEY (agency_id, webhook_id),
  -- The target of a delivery's reference: a delivery of one client cannot name another's endpoint.
  UNIQUE (agency_id, client_id, webhook_id),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE,
  CHECK ((previous_secret IS NULL) = (previous_secret_until IS NULL))
);
CREATE INDEX webhooks_client_idx ON webhooks (agency_id, client_id, created_at);

CREATE TABLE webhook_deliveries (
  agency_id       uuid NOT NULL,
  client_id       uuid NOT NULL,
  delivery_id     uuid NOT NULL DEFAULT gen_random_uuid(),
  webhook_id      uuid NOT NULL,
  -- The event's id, sent as the body's id and the Upzento-Event-Id header: the same on every
  -- attempt and every endpoint, so a receiver can drop what it has seen.
  event_id        uuid NOT NULL,
  event_type      text NOT NULL CHECK (event_type ~ '^[a-z]+\\.[a-z_]+$'),
  submission_id   uuid NOT NULL,
  event_at        timestamptz NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  last_status     integer,
  last_latency_ms integer,
  last_error      text CHECK (length(last_error) <= 500),
  delivered_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  PRIMARY KEY (agency_id, delivery_id),
  FOREIGN KEY (agency_id, client_id, webhook_id) REFERENCES webhooks (agency_id, client_id, webhook_id) ON DELETE CASCADE,
  FOREIGN KEY (agency_id, submission_id) REFERENCES submissions (agency_id, submission_id) ON DELETE CASCADE,
  CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
);
-- The worker's question: which deliveries are due? Read in (next_attempt_at, delivery_id) pages.
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at, delivery_id) WHERE status = 'pending';
-- An endpoint's delivery log, newest first.
CREATE INDEX webhook_deliveries_page_idx ON webhook_deliveries (agency_id, webhook_id, created_at DESC, delivery_id DESC);
-- The cascade from a deleted submission.
CREATE INDEX webhook_deliveries_submission_idx ON webhook_deliveries (agency_id, submission_id);

ALTER TABLE webhooks ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhooks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhooks TO upzento_app USING (${SCOPED}) WITH CHECK (${SCOPED});
CREATE POLICY privileged_path ON webhooks TO upzento_system USING (true) WITH CHECK (true);
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON webhook_deliveries TO upzento_app USING (${SCOPED}) WITH CHECK (${SCOPED});
CREATE POLICY privileged_path ON webhook_deliveries TO upzento_system USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON webhooks, webhook_deliveries TO upzento_app, upzento_system;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(WEBHOOKS_SQL).execute(db);
}
