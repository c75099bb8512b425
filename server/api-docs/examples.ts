/** Examples of the named schemas of the OpenAPI document; a test checks each against its schema. */

const AGENCY_ID = '6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c';
const CLIENT_ID = '0b7e4f2a-8c1d-4e3f-a5b6-c7d8e9f0a1b2';
const CONTACT_ID = '3c9d2e1f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const CREATED_AT = '2026-03-02T09:30:00.000Z';

export const COMPONENT_EXAMPLES: Readonly<Record<string, unknown[]>> = {
  TokenRequest: [{ email: 'admin@acme.example', password: 'correct horse battery staple' }],
  AccessToken: [
    { accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI…', tokenType: 'Bearer', expiresIn: 900 },
  ],
  Agency: [{ id: AGENCY_ID, name: 'Acme Agency', createdAt: CREATED_AT, status: 'active', suspension: null }],
  Client: [
    {
      id: CLIENT_ID,
      agencyId: AGENCY_ID,
      name: 'Corner Bakery',
      publicKey: 'pk_Q2Fyb2wgaXMgYSBiYWtlcg',
      createdAt: CREATED_AT,
      status: 'suspended',
      suspension: { suspendedAt: '2026-11-20T08:00:00.000Z', by: 'agency', reason: 'Invoice 2026-10 unpaid' },
    },
  ],
  LimitChange: [{ apiRequestsPerSecond: 20, domains: null }],
  TenantLimits: [
    {
      limits: { apiRequestsPerSecond: 20, apiBurst: 200, users: 1000, contacts: 1000000, domains: 10 },
      overrides: { apiRequestsPerSecond: 20, domains: 10 },
      usage: { users: 3, contacts: 1250, domains: 2 },
    },
  ],
  TemplateContent: [
    {
      widget: { title: 'Ask the bakery', position: 'bottom-left' },
      flags: { 'chat-handoff': { state: 'rollout', percent: 20, public: true } },
      limits: { contacts: 50000, domains: 5 },
      invitations: [{ email: 'owner@bakery.example', role: 'admin' }],
    },
  ],
  TemplateInput: [{ name: 'Local shop', content: { widget: { title: 'Ask us anything' }, limits: { domains: 5 } } }],
  Template: [
    {
      id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
      level: 'agency',
      name: 'Local shop',
      content: { widget: { title: 'Ask us anything' }, limits: { domains: 5 } },
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
    },
  ],
  ProvisionedClient: [
    {
      id: CLIENT_ID,
      agencyId: AGENCY_ID,
      name: 'Corner Bakery',
      publicKey: 'pk_Q2Fyb2wgaXMgYSBiYWtlcg',
      createdAt: CREATED_AT,
      status: 'active',
      suspension: null,
      template: { id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', level: 'agency', name: 'Local shop' },
      invitations: [
        {
          id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
          email: 'owner@bakery.example',
          role: 'admin',
          tenantId: CLIENT_ID,
          tenantType: 'client',
          createdAt: CREATED_AT,
          expiresAt: '2026-03-09T09:30:00.000Z',
          token: 'inv_5mYb3Jx2sQ8hT1kLw9vR4eN7uC6aZ0pD3fG2hJ5kL8m',
        },
      ],
    },
  ],
  Suspension: [{ suspendedAt: '2026-11-20T08:00:00.000Z', by: 'platform', reason: 'Terms of service review' }],
  SuspensionRequest: [{ reason: 'Invoice 2026-10 unpaid' }],
  NewUser: [{ email: 'sam@acme.example', password: 'a long enough password', role: 'member' }],
  User: [
    {
      id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      email: 'sam@acme.example',
      role: 'member',
      tenantId: AGENCY_ID,
      tenantType: 'agency',
      createdAt: CREATED_AT,
    },
  ],
  NewContact: [
    {
      email: 'jo@customer.example',
      name: 'Jo Baker',
      phone: '+44 20 7946 0000',
      attributes: { plan: 'pro', seats: 12, newsletter: true },
    },
  ],
  Contact: [
    {
      id: CONTACT_ID,
      clientId: CLIENT_ID,
      email: 'jo@customer.example',
      name: 'Jo Baker',
      phone: '+44 20 7946 0000',
      attributes: { plan: 'pro', seats: 12, newsletter: true },
      identity: null,
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
    },
  ],
  ContactChange: [{ phone: null, attributes: { plan: 'team' } }],
  Submission: [
    {
      id: '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f',
      clientId: CLIENT_ID,
      contactId: CONTACT_ID,
      email: 'jo@customer.example',
      name: 'Jo Baker',
      message: 'Do you deliver on Sundays?',
      fields: { company: 'Baker & Co' },
      origin: 'https://bakery.example',
      identity: { verified: true, userId: 'customer-4711', email: null },
      context: {
        pageUrl: 'https://bakery.example/cakes?utm_source=newsletter',
        referrer: 'https://mail.example/',
        utm: { source: 'newsletter', medium: 'email', campaign: 'spring', term: null, content: null },
      },
      consent: { text: 'I agree that Corner Bakery may contact me about my request.', givenAt: CREATED_AT },
      createdAt: CREATED_AT,
    },
  ],
  NewDomain: [{ hostname: 'bakery.example', includeSubdomains: false }],
  Domain: [
    {
      id: '7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b',
      hostname: 'bakery.example',
      includeSubdomains: false,
      status: 'pending',
      challenge: {
        type: 'TXT',
        name: '_upzento-challenge.bakery.example',
        value: 'upzento-verification=3q2-7wVtZk9yJd0',
      },
      createdAt: CREATED_AT,
      verifiedAt: null,
      failingSince: null,
      nextCheckAt: '2026-03-02T10:30:00.000Z',
      expiresAt: '2026-03-09T09:30:00.000Z',
      lastCheck: null,
    },
  ],
  NewWebhook: [{ url: 'https://crm.bakery.example/hooks/upzento', events: ['submission.created'] }],
  WebhookWithSecret: [
    {
      id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      url: 'https://crm.bakery.example/hooks/upzento',
      events: ['submission.created'],
      createdAt: CREATED_AT,
      previousSecretExpiresAt: null,
      secret: 'whsec_b3JhbmdlIGlzIHRoZSBuZXcgYmxhY2s',
    },
  ],
  WidgetSubmission: [
    {
      email: 'jo@customer.example',
      name: 'Jo Baker',
      message: 'Do you deliver on Sundays?',
      fields: { company: 'Baker & Co' },
    },
  ],
  WidgetSubmissionReceipt: [{ id: '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f' }],
  DataMigration: [
    {
      name: 'client-settings-document',
      description: "Folds each client's widget settings and allowLocalhost into one settings document (version 1).",
      active: 'run',
      counts: { pending: 940, running: 4, done: 55, failed: 1, rolled_back: 0 },
    },
  ],
  DataMigrationTenant: [
    {
      agencyId: AGENCY_ID,
      state: 'done',
      canary: true,
      batch: 0,
      attempts: 1,
      startedAt: '2026-12-05T10:00:00.000Z',
      finishedAt: '2026-12-05T10:00:00.012Z',
      durationMs: 12,
      lastError: null,
    },
  ],
  DataMigrationStatus: [
    {
      name: 'client-settings-document',
      description: "Folds each client's widget settings and allowLocalhost into one settings document (version 1).",
      active: null,
      counts: { pending: 0, running: 0, done: 1, failed: 0, rolled_back: 0 },
      tenants: [
        {
          agencyId: AGENCY_ID,
          state: 'done',
          canary: true,
          batch: 0,
          attempts: 1,
          startedAt: '2026-12-05T10:00:00.000Z',
          finishedAt: '2026-12-05T10:00:00.012Z',
          durationMs: 12,
          lastError: null,
        },
      ],
    },
  ],
  DataMigrationRun: [{ canaries: [AGENCY_ID], batchSize: 50, concurrency: 4, pauseMs: 1000, retries: 2 }],
  DataMigrationRollback: [{}, { agencyIds: [AGENCY_ID] }],
  FlagSettingChange: [{ state: 'rollout', percent: 20, public: true }, { state: 'killed' }],
  FlagSetting: [
    {
      flag: 'new-form',
      level: 'agency',
      tenantId: AGENCY_ID,
      state: 'rollout',
      percent: 20,
      public: true,
      updatedAt: CREATED_AT,
    },
  ],
  FlagEvaluation: [
    {
      flag: 'new-form',
      enabled: true,
      decidedBy: 'rollout',
      public: true,
      bucket: 7,
      rollout: { percent: 20, setAt: 'agency' },
      settings: {
        platform: { state: 'off', percent: null, public: false },
        agency: { state: 'rollout', percent: 20, public: true },
        client: null,
      },
    },
    {
      flag: 'live-chat',
      enabled: false,
      decidedBy: 'platform',
      public: false,
      bucket: 63,
      rollout: null,
      settings: {
        platform: { state: 'killed', percent: null, public: false },
        agency: null,
        client: { state: 'on', percent: null, public: false },
      },
    },
  ],
  Erasure: [
    {
      erasureId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
      status: 'done',
      contacts: 1,
      submissions: 3,
      auditEntries: 5,
      suppressed: false,
    },
  ],
  PrivacyJob: [
    {
      id: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
      kind: 'tenant_export',
      status: 'done',
      tenantId: AGENCY_ID,
      tenantType: 'agency',
      contactId: null,
      requestedAt: '2026-12-01T09:00:00.000Z',
      requestedBy: '3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d',
      startedAt: '2026-12-01T09:00:00.412Z',
      finishedAt: '2026-12-01T09:00:06.905Z',
      attempts: 1,
      progress: { clients: 12, contacts: 4810, submissions: 9377, audit_entries: 21544 },
      error: null,
      archive: {
        url: `/v1/agencies/${AGENCY_ID}/exports/7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f/archive`,
        bytes: 2841977,
        sha256: '9f2c4e1a7b3d5f60812a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d',
        expiresAt: '2026-12-08T09:00:06.905Z',
      },
      archiveRemoved: null,
    },
  ],
  ApiVersionList: [
    {
      newest: '2026-12-01',
      items: [
        {
          version: '2026-12-01',
          newest: true,
          deprecatedOn: null,
          sunsetOn: null,
          changes: [
            {
              description:
                "A contact's `fullName` is now `name`, in what the contacts API takes and in what it answers.",
            },
          ],
        },
        { version: '2026-06-01', newest: false, deprecatedOn: '2026-12-01', sunsetOn: '2027-12-01', changes: [] },
      ],
    },
  ],
  ApiVersionChoice: [{ version: '2026-12-01' }],
  ApiVersionPin: [
    {
      version: '2026-12-01',
      source: 'agency',
      pinnedAt: '2026-12-02T10:00:00.000Z',
      rollbackTo: '2026-06-01',
      rollbackUntil: '2026-12-05T10:00:00.000Z',
    },
    { version: '2026-06-01', source: 'agency', pinnedAt: null, rollbackTo: null, rollbackUntil: null },
  ],
  AuditVerification: [{ valid: true, rowsChecked: 1204, firstBrokenSeq: null }],
  HealthStatus: [{ status: 'ok' }, { status: 'unavailable', reason: 'the database does not answer' }],
};
