/**
 * The Kysely view of the tables the migrations create (server/db/migrations). Keep in step with
 * them: the catalog test compares this list of tables with the live schema.
 */
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type TenantType = 'platform' | 'agency' | 'client';
export type Role = 'admin' | 'member' | 'viewer';
export type DomainStatus = 'pending' | 'verified' | 'failing' | 'revoked' | 'expired';

export interface PlatformTable {
  platform_id: Generated<string>;
  name: string;
  singleton: Generated<boolean>;
  created_at: Timestamp;
}

export interface SystemSettingsTable {
  key: string;
  value: string;
  created_at: Timestamp;
}

/** Who suspended a tenant (0016): a client suspended by the platform stays so until the platform lifts it. */
export type SuspendedBy = 'platform' | 'agency';

export interface AgenciesTable {
  agency_id: Generated<string>;
  name: string;
  created_at: Timestamp;
  suspended_at: Date | null;
  suspended_by: 'platform' | null;
  suspension_reason: string | null;
  /** Set in a database the agency has left for another (0021); its audit chain stays behind. */
  moved_to: string | null;
}

export interface ClientsTable {
  agency_id: string;
  client_id: Generated<string>;
  name: string;
  public_key: string;
  created_at: Timestamp;
  suspended_at: Date | null;
  suspended_by: SuspendedBy | null;
  suspension_reason: string | null;
}

export interface AccountsTable {
  user_id: string;
  email: string;
  tenant_type: TenantType;
  agency_id: string | null;
  client_id: string | null;
  password_hash: string;
  created_at: Timestamp;
  /** Moves on when the password changes or the role is lowered: older tokens stop working. */
  token_version: Generated<number>;
}

export interface UsersTable {
  agency_id: string;
  user_id: string;
  client_id: string | null;
  tenant_type: 'agency' | 'client';
  email: string;
  role: Role;
  created_at: Timestamp;
}

export interface ClientSettingsTable {
  agency_id: string;
  client_id: string;
  widget: Json<Record<string, unknown>>;
  allow_localhost: Generated<boolean>;
  /** The settings as one versioned document (0019), filled per agency by a data migration; null before. */
  document: Json<Record<string, unknown>> | null;
  updated_at: Timestamp;
}

/** What a level says about a flag (0014): docs/flags.md explains each state. */
export type FlagState = 'on' | 'off' | 'killed' | 'rollout';

export interface FeatureFlagsTable {
  agency_id: string;
  tenant_id: string;
  client_id: string | null;
  flag: string;
  state: FlagState;
  /** Set exactly when the state is `rollout`: 0–100. */
  rollout_percent: number | null;
  public: Generated<boolean>;
  updated_at: Timestamp;
}

/** The platform's own flag settings, which every tenant is evaluated with (0014). */
export interface PlatformFlagsTable {
  flag: string;
  state: FlagState;
  rollout_percent: number | null;
  public: Generated<boolean>;
  updated_at: Timestamp;
}

export interface ContactsTable {
  agency_id: string;
  client_id: string;
  contact_id: Generated<string>;
  email: string;
  name: string | null;
  phone: string | null;
  attributes: Json<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The last verified identity of a lead linked to the contact (0011); null when none. */
  identity_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  identity_email: ColumnType<string | null, string | null | undefined, string | null>;
  identity_verified_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SubmissionsTable {
  agency_id: string;
  client_id: string;
  submission_id: Generated<string>;
  idempotency_key: string;
  payload_hash: string;
  contact_id: string | null;
  email: string;
  name: string | null;
  message: string | null;
  fields: Json<Record<string, string>>;
  origin: string;
  created_at: Timestamp;
  /** Who the site said the visitor was (0011); identity_verified null when it said nothing. */
  identity_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  identity_email: ColumnType<string | null, string | null | undefined, string | null>;
  identity_verified: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  /** Where the lead came from (0012): absolute http(s) URLs, and the page's UTM parameters. */
  page_url: string | null;
  referrer: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  /** The consent text the visitor agreed to, and when the server received it; both or neither (0012). */
  consent_text: string | null;
  consented_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type CheckOutcome = 'matched' | 'not_found' | 'wrong_value' | 'dns_failure';

/** What DNS answered instead of TXT records, as the resolver (server/domains/dns/) reports it and a check stores it. */
export type DnsErrorCode =
  | 'NXDOMAIN'
  | 'NO_DATA'
  | 'SERVFAIL'
  | 'REFUSED'
  | 'TIMEOUT'
  | 'CNAME_LOOP'
  | 'BAD_RESPONSE'
  | 'NETWORK';

/**
 * One check as `domains.last_check` keeps it: what was found, and nothing that the domain's own
 * columns already say. The name asked, the value expected and the sentence for the client are made
 * from these when the check is read (`describeCheck` in txt-challenge.ts), so a wording can change
 * without touching stored checks, and a re-check round writes less per domain (docs/performance.md).
 */
export interface StoredCheck {
  at: string;
  outcome: CheckOutcome;
  /** The TXT values found, if any. */
  found: string[];
  /** What DNS answered instead of records (not_found, dns_failure). */
  dns?:
    | {
        code: DnsErrorCode;
        /** The name along a CNAME chain that the answer is about, when it is not the one asked. */
        alias?: string;
        /** dns_failure: the resolver's account of what went wrong (which server, what it said). */
        message?: string;
      }
    | undefined;
}

/** A check as the API shows it. */
export interface DomainLastCheck {
  at: string;
  /** The DNS name that was asked. */
  queried: string;
  /** What was expected there. */
  expected: string;
  /** The TXT values found, if any. */
  found: string[];
  outcome: CheckOutcome;
  /** A sentence the client can act on. */
  message: string;
}

export interface DomainsTable {
  agency_id: string;
  client_id: string;
  domain_id: Generated<string>;
  hostname: string;
  include_subdomains: Generated<boolean>;
  status: Generated<DomainStatus>;
  challenge_token: string;
  created_at: Timestamp;
  verified_at: Date | null;
  failing_since: Date | null;
  /** Checks stored before `StoredCheck` hold the API's whole view, sentence included. */
  last_check: Json<StoredCheck | DomainLastCheck> | null;
  next_check_at: Date | null;
  updated_at: Timestamp;
}

/** Failed sign-ins per address and per address-and-email; keys are SHA-256 digests. */
export interface SignInBrakeTable {
  key: string;
  failures: number;
  blocked_until: Date | null;
  last_admitted: boolean;
  last_at: Date;
}

export interface InvitationsTable {
  agency_id: string;
  invitation_id: Generated<string>;
  client_id: string | null;
  tenant_type: 'agency' | 'client';
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: Date;
  accepted_at: Date | null;
}

export type WebhookEvent = 'submission.created';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhooksTable {
  agency_id: string;
  client_id: string;
  webhook_id: Generated<string>;
  url: string;
  events: WebhookEvent[];
  secret: string;
  /** The secret a rotation replaced: it signs too until previous_secret_until. */
  previous_secret: string | null;
  previous_secret_until: Date | null;
  created_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  agency_id: string;
  client_id: string;
  delivery_id: Generated<string>;
  webhook_id: string;
  event_id: string;
  event_type: WebhookEvent;
  submission_id: string;
  event_at: Date;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  /** Null once the delivery is delivered or failed. */
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_status: number | null;
  last_latency_ms: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Timestamp;
}

export interface AuditLogTable {
  agency_id: string;
  tenant_id: string;
  /** Filled by the chain trigger. */
  seq: Generated<string>;
  audit_id: Generated<string>;
  tenant_type: TenantType;
  at: Generated<Date>;
  actor_type: 'user' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_tenant_type: TenantType | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: Json<Record<string, unknown>>;
  request_id: string | null;
  ip: string | null;
  prev_hash: Generated<Buffer>;
  hash: Generated<Buffer>;
}

export interface AuditChainHeadsTable {
  agency_id: string;
  tenant_id: string;
  seq: string;
  hash: Buffer;
}

/** Personal values of an audit entry, outside its hash (0010): erasure and retention clear them. */
export interface AuditPersonalTable {
  agency_id: string;
  tenant_id: string;
  ref_id: string;
  contact_id: string | null;
  email: string | null;
  ip: string | null;
  ip_truncated: Generated<boolean>;
  details: Json<Record<string, unknown>>;
  created_at: Timestamp;
  erased_at: Date | null;
}

/** Entries from before 0010 whose personal details the API masks after an erasure. */
export interface AuditRedactionsTable {
  agency_id: string;
  tenant_id: string;
  seq: string;
  created_at: Timestamp;
}

export interface PrivacySettingsTable {
  agency_id: string;
  client_id: string;
  suppress_erased_emails: Generated<boolean>;
  submissions_days: number | null;
  inactive_contacts_days: number | null;
  ip_addresses_days: number | null;
  suppression_salt: Buffer;
  updated_at: Timestamp;
}

export interface ErasureSuppressionsTable {
  agency_id: string;
  client_id: string;
  email_digest: string;
  created_at: Timestamp;
}

export type IdentityVerification = 'off' | 'optional' | 'required';

/** A client's identity verification and its signing secrets (0011). No row: off, no secret. */
export interface IdentitySettingsTable {
  agency_id: string;
  client_id: string;
  verification: Generated<IdentityVerification>;
  allow_anonymous: Generated<boolean>;
  max_age_seconds: number | null;
  secret: string | null;
  secret_created_at: Date | null;
  previous_secret: string | null;
  previous_secret_until: Date | null;
  updated_at: Timestamp;
}

/** A signed statement of a tenant chain's head (0011); append-only. */
export interface AuditDigestsTable {
  agency_id: string;
  tenant_id: string;
  seq: string;
  tenant_type: TenantType;
  period_start: Date | null;
  period_end: Date;
  head_seq: string;
  head_hash: string;
  row_count: string;
  previous_digest_hash: string | null;
  digest_hash: string;
  key_id: string;
  signature: string;
}

export type PrivacyJobKind = 'tenant_export' | 'contact_export' | 'contact_erasure' | 'email_erasure';
export type PrivacyJobStatus = 'queued' | 'running' | 'done' | 'failed';

/** An export or erasure, worked through by the privacy round (0013). */
export interface PrivacyJobsTable {
  agency_id: string;
  tenant_id: string;
  client_id: string | null;
  job_id: Generated<string>;
  kind: PrivacyJobKind;
  status: Generated<PrivacyJobStatus>;
  contact_id: string | null;
  subject_email: string | null;
  requested_by: string | null;
  request_id: string | null;
  requested_at: Timestamp;
  started_at: Date | null;
  finished_at: Date | null;
  attempts: Generated<number>;
  progress: ColumnType<Record<string, number>, string | undefined, string>;
  error: string | null;
  archive_bytes: string | null;
  archive_sha256: string | null;
  expires_at: Date | null;
  archive_removed_at: Date | null;
  archive_removed_reason: 'expired' | 'erasure' | 'deletion' | null;
  /** An export made for a deletion is kept at least until then (0020). */
  archive_kept_until: Date | null;
}

/** One gzip member of an export's archive (0013). */
export interface ExportPartsTable {
  agency_id: string;
  tenant_id: string;
  job_id: string;
  part: number;
  data: Buffer;
}

/** The API version a tenant's requests without an Upzento-Version header are served in (0015). */
export interface ApiVersionPinsTable {
  agency_id: string;
  tenant_id: string;
  client_id: string | null;
  version: string;
  previous_version: string | null;
  pinned_at: Timestamp;
}

/** A tenant's overrides of the deployment's default limits (0017); null keeps the default. */
export interface TenantLimitsTable {
  agency_id: string;
  tenant_id: string;
  client_id: string | null;
  api_requests_per_second: number | null;
  api_burst: number | null;
  users: number | null;
  contacts: number | null;
  domains: number | null;
  widget_submissions_per_minute: number | null;
  updated_at: Generated<Date>;
}

/** An instance's heartbeat (0017): a tenant's request rate is shared among the instances alive. */
export interface ServerInstancesTable {
  instance_id: string;
  seen_at: Generated<Date>;
}

/** What a template provisions a client with (0018); checked by server/tenants/templates.ts. */
export type TemplateContentJson = Record<string, unknown>;

/** A template the platform offers every agency (0018). */
export interface PlatformTemplatesTable {
  template_id: Generated<string>;
  name: string;
  content: Json<TemplateContentJson>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** An agency's own pool or database (0021); an agency without a row is served by the shared pool. */
export interface AgencyPlacementsTable {
  agency_id: string;
  pool_size: number | null;
  database: string | null;
  updated_at: Generated<Date>;
}

/** An isolation-breach alert (0022, docs/alerts.md): the platform's, about one tenant or the deployment. */
export interface AlertsTable {
  alert_id: Generated<string>;
  kind: string;
  severity: 'warning' | 'critical';
  tenant_type: TenantType | null;
  tenant_id: string | null;
  dedupe_key: string;
  first_seen_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  count: Generated<number>;
  details: Json<Record<string, unknown>>;
  status: Generated<'open' | 'acknowledged' | 'resolved'>;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  resolved_by: string | null;
  resolved_at: Date | null;
}

/** An agency's own template (0018). */
export interface AgencyTemplatesTable {
  agency_id: string;
  template_id: Generated<string>;
  name: string;
  content: Json<TemplateContentJson>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type TenantDeletionStatus = 'scheduled' | 'cancelled' | 'purging' | 'purged';

/** A deletion of an agency or a client (0020): scheduled, then cancelled or purged. */
export interface TenantDeletionsTable {
  agency_id: string;
  tenant_id: string;
  client_id: string | null;
  deletion_id: Generated<string>;
  status: Generated<TenantDeletionStatus>;
  requested_by_type: SuspendedBy;
  requested_by: string | null;
  requested_at: Generated<Date>;
  purge_after: Date;
  export_job_id: string;
  lifts_suspension: boolean;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  purge_started_at: Date | null;
  purged_at: Date | null;
  purged_rows: ColumnType<Record<string, number>, string | undefined, string>;
}

/** Where a data migration stands for one agency (0019); docs/data-migrations.md explains each. */
export type DataMigrationState = 'pending' | 'running' | 'done' | 'failed' | 'rolled_back';

/** One agency's progress in one data migration (0019). */
export interface TenantDataMigrationsTable {
  agency_id: string;
  migration: string;
  state: Generated<DataMigrationState>;
  canary: Generated<boolean>;
  batch: number | null;
  attempts: Generated<number>;
  started_at: Date | null;
  finished_at: Date | null;
  duration_ms: number | null;
  last_error: string | null;
  updated_at: Generated<Date>;
}

/** A tenant's counts over one minute or one hour (0023, docs/metrics.md); client_id null: the agency's own. */
export interface TenantMetricsTable {
  agency_id: string;
  tenant_id: string;
  client_id: string | null;
  bucket_start: Date;
  widget_requests: Generated<number>;
  widget_refused_origin: Generated<number>;
  widget_refused_suspended: Generated<number>;
  widget_refused_rate_limited: Generated<number>;
  widget_refused_other: Generated<number>;
  widget_5xx: Generated<number>;
  submissions: Generated<number>;
  api_requests: Generated<number>;
  api_4xx: Generated<number>;
  api_5xx: Generated<number>;
  rate_limited: Generated<number>;
  checks_matched: Generated<number>;
  checks_not_found: Generated<number>;
  checks_wrong_value: Generated<number>;
  checks_dns_failure: Generated<number>;
  api_latency: number[];
  widget_latency: number[];
  last_request_at: Date | null;
}

export interface Database {
  platform: PlatformTable;
  system_settings: SystemSettingsTable;
  agencies: AgenciesTable;
  clients: ClientsTable;
  accounts: AccountsTable;
  users: UsersTable;
  client_settings: ClientSettingsTable;
  feature_flags: FeatureFlagsTable;
  contacts: ContactsTable;
  submissions: SubmissionsTable;
  domains: DomainsTable;
  audit_log: AuditLogTable;
  audit_chain_heads: AuditChainHeadsTable;
  sign_in_brake: SignInBrakeTable;
  invitations: InvitationsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  audit_personal: AuditPersonalTable;
  audit_redactions: AuditRedactionsTable;
  privacy_settings: PrivacySettingsTable;
  erasure_suppressions: ErasureSuppressionsTable;
  identity_settings: IdentitySettingsTable;
  audit_digests: AuditDigestsTable;
  privacy_jobs: PrivacyJobsTable;
  export_parts: ExportPartsTable;
  api_version_pins: ApiVersionPinsTable;
  tenant_limits: TenantLimitsTable;
  server_instances: ServerInstancesTable;
  platform_flags: PlatformFlagsTable;
  platform_templates: PlatformTemplatesTable;
  agency_templates: AgencyTemplatesTable;
  tenant_deletions: TenantDeletionsTable;
  agency_placements: AgencyPlacementsTable;
  tenant_data_migrations: TenantDataMigrationsTable;
  alerts: AlertsTable;
  tenant_metrics_minute: TenantMetricsTable;
  tenant_metrics_hour: TenantMetricsTable;
}

/** Tables without agency_id, shared by all tenants (docs/scaling.md explains each). */
export const REFERENCE_TABLES = [
  'platform',
  'system_settings',
  'accounts',
  'sign_in_brake',
  'server_instances',
  'platform_flags',
  'platform_templates',
  'alerts',
] as const;

export type Contact = Selectable<ContactsTable>;
export type Domain = Selectable<DomainsTable>;
