/**
 * Each command family of `upzento`, run as a child process against a server on a real port whose
 * DNS is the suite's own test server: --json output parsed, human output read, and
 * the exit codes of an unknown id and of input the server refuses.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createResolver, type TxtResolver } from '../../server/domains/dns/resolver.ts';
import { cliRunner, startCliServer, type CliRunner, type CliServer } from '../support/cli.ts';
import { startTestDnsServer, type TestDnsServer } from '../support/dns-server.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app.ts';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let dns: TestDnsServer;
let resolver: TxtResolver;
let server: CliServer;
let cli: CliRunner;
let agencyId: string;
let clientId: string;
let publicKey: string;

beforeAll(async () => {
  dns = await startTestDnsServer();
  // What UPZENTO_DNS_SERVERS=127.0.0.1:<port> makes of it; generous limits for a loaded machine.
  resolver = createResolver({ servers: [{ host: dns.address, port: dns.port }], timeoutMs: 2000, attempts: 2 });
  server = await startCliServer({ resolver });
  cli = await cliRunner({ UPZENTO_URL: server.url });
  const login = await cli.run(['login', '--email', ADMIN_EMAIL, '--password-stdin'], { input: ADMIN_PASSWORD });
  expect(login.code, login.stderr).toBe(0);
  agencyId = (await cli.run(['agencies', 'create', 'Acme Agency', '--quiet'])).stdout.trim();
  const client = await cli.json(['clients', 'create', 'Corner Bakery', '--agency', agencyId]);
  clientId = client.id;
  publicKey = client.publicKey;
}, 180_000);

afterAll(async () => {
  await server?.close();
  await resolver?.close();
  await dns?.close();
  await cli?.close();
});

describe('agencies and clients', () => {
  test('create prints the id alone with --quiet, the API JSON with --json; list and show find them', async () => {
    expect(agencyId).toMatch(UUID);
    const agencies = await cli.json(['agencies', 'list']);
    expect(agencies.items).toContainEqual(expect.objectContaining({ id: agencyId, name: 'Acme Agency' }));
    const human = await cli.run(['agencies', 'list']);
    expect(human.stdout).toMatch(/^ID\s+NAME\s+CREATED\n/);
    expect(human.stdout).toContain(agencyId);

    expect(publicKey).toMatch(/^pk_[\w-]{22}$/);
    const clients = await cli.json(['clients', 'list', '--agency', agencyId]);
    expect(clients.items).toEqual([
      expect.objectContaining({ id: clientId, agencyId, name: 'Corner Bakery', publicKey }),
    ]);
    const shown = await cli.json(['clients', 'show', clientId]);
    expect(shown).toMatchObject({ id: clientId, publicKey });
    const text = await cli.run(['clients', 'show', clientId]);
    expect(text.stdout).toMatch(new RegExp(`widget key: +${publicKey}`));
  }, 180_000);

  test('an unknown id exits 4 with the API error under --json; a name the server refuses exits 5', async () => {
    const missing = await cli.run(['clients', 'show', randomUUID(), '--json']);
    expect(missing.code).toBe(4);
    expect(JSON.parse(missing.stdout)).toMatchObject({ statusCode: 404 });
    expect(missing.stderr).toContain('Check the id');
    const blank = await cli.run(['agencies', 'create', '   ']);
    expect(blank.code).toBe(5);
    expect(blank.stderr).toContain('name');
  }, 180_000);
});

describe('users', () => {
  test('add, list, set-role, remove; an agency user works on its own agency without --agency', async () => {
    const added = await cli.json(
      ['users', 'add', '--agency', agencyId, '--email', 'lead@acme.test', '--role', 'admin', '--password-stdin'],
      {
        input: 'the agency lead password\n',
      },
    );
    expect(added).toMatchObject({ email: 'lead@acme.test', role: 'admin', tenantId: agencyId, tenantType: 'agency' });
    expect(JSON.stringify(added)).not.toMatch(/password|hash/i);

    const agencyCli = await cliRunner({ UPZENTO_URL: server.url });
    try {
      expect(
        (
          await agencyCli.run(['login', '--email', 'lead@acme.test'], {
            env: { UPZENTO_PASSWORD: 'the agency lead password' },
          })
        ).code,
      ).toBe(0);
      const own = await agencyCli.json(['clients', 'list']);
      expect(own.items.map((client: { id: string }) => client.id)).toEqual([clientId]);
      const who = await agencyCli.json(['whoami']);
      expect(who).toMatchObject({ tenantType: 'agency', tenantId: agencyId, tenantName: 'Acme Agency', role: 'admin' });
      // Up the tree is out of reach: the platform's agencies other than its own are not there.
      const other = await cli.json(['agencies', 'create', 'Other Agency']);
      const sideways = await agencyCli.run(['clients', 'list', '--agency', other.id]);
      expect(sideways.code).toBe(4);
    } finally {
      await agencyCli.close();
    }

    const generated = await cli.json([
      'users',
      'add',
      '--client',
      clientId,
      '--email',
      'baker@bakery.test',
      '--role',
      'admin',
      '--generate-password',
    ]);
    expect(generated.password).toMatch(/^[\w-]{24}$/);
    const member = await cli.json(
      ['users', 'add', '--client', clientId, '--email', 'clerk@bakery.test', '--role', 'member', '--password-stdin'],
      { input: 'the clerk password 1' },
    );
    const list = await cli.json(['users', 'list', '--client', clientId]);
    expect(list.items.map((user: { email: string }) => user.email).sort()).toEqual([
      'baker@bakery.test',
      'clerk@bakery.test',
    ]);

    const lowered = await cli.json(['users', 'set-role', member.id, '--client', clientId, '--role', 'viewer']);
    expect(lowered).toMatchObject({ id: member.id, role: 'viewer' });
    // The client's only admin cannot be lowered: 409, exit 5.
    const last = await cli.run(['users', 'set-role', generated.id, '--client', clientId, '--role', 'member']);
    expect(last.code).toBe(5);
    expect(last.stderr).toContain('at least one admin');
    // A password the server refuses (too short): 400, exit 5, naming the field.
    const short = await cli.run(
      ['users', 'add', '--client', clientId, '--email', 'x@bakery.test', '--role', 'viewer', '--password-stdin'],
      { input: 'short' },
    );
    expect(short.code).toBe(5);
    expect(short.stderr).toContain('password');

    const removed = await cli.run(['users', 'remove', member.id, '--client', clientId, '--json']);
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout)).toEqual({ id: member.id, removed: true });
    const again = await cli.run(['users', 'remove', member.id, '--client', clientId]);
    expect(again.code).toBe(4);
  }, 180_000);

  test('invite prints a token the person accepts with users accept, then signs in', async () => {
    const invitation = await cli.json([
      'users',
      'invite',
      '--client',
      clientId,
      '--email',
      'new@bakery.test',
      '--role',
      'member',
    ]);
    expect(invitation).toMatchObject({ email: 'new@bakery.test', role: 'member', tenantId: clientId });
    expect(invitation.token.length).toBeGreaterThan(20);
    const open = await cli.json(['users', 'invitations', '--client', clientId]);
    expect(open.items).toEqual([expect.objectContaining({ id: invitation.id, email: 'new@bakery.test' })]);
    expect(JSON.stringify(open)).not.toContain(invitation.token);

    const person = await cliRunner({ UPZENTO_URL: server.url });
    try {
      const accepted = await person.run(['users', 'accept', '--token', invitation.token, '--password-stdin'], {
        input: 'my very own password',
      });
      expect(accepted.code, accepted.stderr).toBe(0);
      const login = await person.run(['login', '--email', 'new@bakery.test', '--password-stdin'], {
        input: 'my very own password',
      });
      expect(login.code, login.stderr).toBe(0);
      expect(await person.json(['whoami'])).toMatchObject({
        tenantType: 'client',
        tenantId: clientId,
        tenantName: 'Corner Bakery',
        role: 'member',
      });
      // A member may not manage users: 403, exit 4.
      expect((await person.run(['users', 'list'])).code).toBe(4);
      const reused = await person.run(['users', 'accept', '--token', invitation.token, '--password-stdin'], {
        input: 'my very own password',
      });
      expect(reused.code).toBe(4);
    } finally {
      await person.close();
    }

    const second = await cli.json([
      'users',
      'invite',
      '--client',
      clientId,
      '--email',
      'later@bakery.test',
      '--role',
      'viewer',
    ]);
    const withdrawn = await cli.run(['users', 'withdraw', second.id, '--client', clientId]);
    expect(withdrawn.code).toBe(0);
    expect((await cli.json(['users', 'invitations', '--client', clientId])).items).toEqual([]);
  }, 180_000);
});

describe('widget', () => {
  test('get, set with key=value, key:=JSON and a file, and the snippet with this server and key', async () => {
    const settings = await cli.json(['widget', 'get', '--client', clientId]);
    expect(settings).toMatchObject({ allowLocalhost: false, widget: { title: 'Contact Corner Bakery' } });

    const changed = await cli.json([
      'widget',
      'set',
      '--client',
      clientId,
      'title=Talk to us',
      'theme.primary=#0f766e',
      'allowLocalhost=true',
    ]);
    expect(changed.allowLocalhost).toBe(true);
    expect(changed.widget.title).toBe('Talk to us');
    // The other colours of the theme are kept.
    expect(changed.widget.theme).toEqual({ ...settings.widget.theme, primary: '#0f766e' });

    const fields = [{ name: 'email', label: 'Your email', type: 'email', required: true }];
    const json = await cli.json(['widget', 'set', '--client', clientId, `fields:=${JSON.stringify(fields)}`]);
    expect(json.widget.fields).toEqual(fields);

    const file = path.join(cli.configHome, 'settings.json');
    await writeFile(file, JSON.stringify({ widget: { position: 'bottom-left' }, allowLocalhost: false }));
    const fromFile = await cli.json(['widget', 'set', '--client', clientId, '--file', file]);
    expect(fromFile).toMatchObject({ allowLocalhost: false, widget: { position: 'bottom-left', title: 'Talk to us' } });

    const unknown = await cli.run(['widget', 'set', '--client', clientId, 'colour=red']);
    expect(unknown.code).toBe(5);
    expect(unknown.stderr).toContain('colour');
    expect((await cli.run(['widget', 'set', '--client', clientId, 'allowLocalhost=maybe'])).code).toBe(2);

    const snippet = await cli.run(['widget', 'snippet', '--client', clientId]);
    expect(snippet.code).toBe(0);
    expect(snippet.stdout).toBe(`<script async src="${server.url}/widget.js" data-key="${publicKey}"></script>\n`);
    const served = await fetch(`${server.url}/widget.js`);
    expect(served.status).toBe(200);
    const elsewhere = await cli.json([
      'widget',
      'snippet',
      '--client',
      clientId,
      '--public-url',
      'https://leads.example.com/',
    ]);
    expect(elsewhere).toEqual({
      clientId,
      publicKey,
      src: 'https://leads.example.com/widget.js',
      html: `<script async src="https://leads.example.com/widget.js" data-key="${publicKey}"></script>`,
    });
  }, 180_000);
});

describe('domains', () => {
  test('add prints the TXT record; status --watch polls until the record is published, showing the reason', async () => {
    const added = await cli.run(['domains', 'add', 'Bakery.Example', '--client', clientId]);
    expect(added.code, added.stderr).toBe(0);
    const name = /record name: +(\S+)/.exec(added.stdout)?.[1];
    const value = /record value: +(\S+)/.exec(added.stdout)?.[1];
    expect(name).toBe('_upzento-challenge.bakery.example');
    expect(value).toMatch(/^upzento-verification=\S+$/);
    expect(added.stdout).toMatch(/status: +pending/);
    expect(added.stderr).toContain('domains status bakery.example');

    const listed = await cli.json(['domains', 'list', '--client', clientId]);
    expect(listed.items).toEqual([
      expect.objectContaining({
        hostname: 'bakery.example',
        status: 'pending',
        challenge: { type: 'TXT', name, value },
      }),
    ]);

    // Published once the watch has asked DNS and found nothing.
    const asked = () => dns.queries.filter((query) => query.name === name).length;
    const publish = setInterval(() => {
      if (asked() > 0) {
        clearInterval(publish);
        dns.setTxt(name as string, [value as string]);
      }
    }, 20);
    const watched = await cli.run(
      [
        'domains',
        'status',
        'bakery.example',
        '--client',
        clientId,
        '--watch',
        '--interval',
        '500ms',
        '--timeout',
        '60s',
        '--json',
      ],
      { timeoutMs: 90_000 },
    );
    clearInterval(publish);
    expect(watched.code, watched.stderr).toBe(0);
    expect(watched.stderr).toMatch(/bakery\.example pending: No TXT record/);
    expect(watched.stderr).toMatch(/bakery\.example verified: Found upzento-verification=/);
    expect(JSON.parse(watched.stdout)).toMatchObject({
      hostname: 'bakery.example',
      status: 'verified',
      lastCheck: { outcome: 'matched' },
    });

    const status = await cli.run(['domains', 'status', listed.items[0].id, '--client', clientId]);
    expect(status.stdout).toMatch(/status: +verified/);
  }, 180_000);

  test('status --watch that runs out of time exits 7 with the last reason; verify and remove by hostname', async () => {
    const added = await cli.json(['domains', 'add', 'shop.example', '--client', clientId, '--include-subdomains']);
    expect(added).toMatchObject({ hostname: 'shop.example', includeSubdomains: true, status: 'pending' });
    dns.setTxt(added.challenge.name, ['upzento-verification=somebody-else']);

    const watched = await cli.run([
      'domains',
      'status',
      'shop.example',
      '--client',
      clientId,
      '--watch',
      '--interval',
      '300ms',
      '--timeout',
      '1s',
    ]);
    expect(watched.code).toBe(7);
    expect(watched.stderr).toContain('shop.example is still pending after 1s');
    expect(watched.stderr).toContain('none is upzento-verification=');

    const verified = await cli.run(['domains', 'verify', 'shop.example', '--client', clientId, '--json']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ status: 'pending', lastCheck: { outcome: 'wrong_value' } });

    expect((await cli.run(['domains', 'status', 'nowhere.example', '--client', clientId])).code).toBe(4);
    const removed = await cli.json(['domains', 'remove', 'shop.example', '--client', clientId]);
    expect(removed).toEqual({ id: added.id, hostname: 'shop.example', removed: true });
    const after = await cli.json(['domains', 'list', '--client', clientId]);
    expect(after.items.map((domain: { hostname: string }) => domain.hostname)).not.toContain('shop.example');
    // A hostname the server refuses: 400, exit 5.
    expect((await cli.run(['domains', 'add', 'not a host', '--client', clientId])).code).toBe(5);
  }, 180_000);
});

describe('audit', () => {
  test('list shows what the commands did; verify reports the chain valid', async () => {
    const log = await cli.json(['audit', 'list', '--client', clientId, '--all']);
    const actions = log.items.map((entry: { action: string }) => entry.action);
    expect(actions).toContain('client.created');
    expect(log.nextCursor).toBeNull();
    const page = await cli.json(['audit', 'list', '--agency', agencyId, '--limit', '1']);
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await cli.json(['audit', 'list', '--agency', agencyId, '--limit', '1', '--cursor', page.nextCursor]);
    expect(next.items[0].id).not.toBe(page.items[0].id);

    const verify = await cli.run(['audit', 'verify', '--client', clientId, '--json']);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ valid: true, firstBrokenSeq: null });
    const human = await cli.run(['audit', 'verify', '--agency', agencyId]);
    expect(human.stdout).toMatch(/^valid: \d+ entries checked\n$/);
  }, 180_000);
});

describe('exports', () => {
  test('create --wait makes the export; download saves the archive checked against its SHA-256', async () => {
    // The server process's own round, as npm start runs it.
    server.t.app.privacyJobs.start();
    const job = await cli.json(['exports', 'create', '--client', clientId, '--wait', '--timeout', '2m']);
    expect(job).toMatchObject({ status: 'done', tenantId: clientId, kind: 'tenant_export' });
    const listed = await cli.run(['exports', 'list', '--client', clientId]);
    expect(listed.stdout).toMatch(/^EXPORT\s+STATUS\s+REQUESTED\s+ARCHIVE\n/);
    expect(listed.stdout).toContain(job.id);

    const dir = await mkdtemp(path.join(tmpdir(), 'upzento-export-'));
    const out = path.join(dir, 'client.ndjson.gz');
    const saved = await cli.run(['exports', 'download', job.id, '--client', clientId, '--out', out]);
    expect(saved.code, saved.stderr).toBe(0);
    const bytes = await readFile(out);
    expect(bytes.length).toBe(job.archive.bytes);
    const lines = gunzipSync(bytes).toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ type: 'export', tenant: { id: clientId } });
    expect(JSON.parse(lines.at(-1) as string).type).toBe('end');
    expect(saved.stdout).toContain(job.archive.sha256);

    const missing = await cli.run(['exports', 'status', randomUUID(), '--client', clientId]);
    expect(missing.code).toBe(4);
    await rm(dir, { recursive: true, force: true });
  }, 180_000);
});

describe('deletion', () => {
  test('request suspends and schedules; status reads it; cancel brings the client back', async () => {
    const client = await cli.json(['clients', 'create', 'Closing Shop', '--agency', agencyId]);
    const bad = await cli.run(['deletion', 'request', '--client', client.id, '--grace-days', 'soon']);
    expect(bad.code).toBe(2);
    const asked = await cli.json(['deletion', 'request', '--client', client.id, '--grace-days', '5']);
    expect(asked).toMatchObject({ tenantId: client.id, tenantType: 'client', requestedByLevel: 'platform' });
    expect(Date.parse(asked.purgeAfter) - Date.parse(asked.requestedAt)).toBe(5 * 86_400_000);
    expect((await cli.json(['clients', 'show', client.id])).status).toBe('suspended');
    const status = await cli.run(['deletion', 'status', '--client', client.id]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/^deletion:\s+[0-9a-f-]{36}\nstatus:\s+export/m);
    expect(status.stdout).toMatch(/^purge after: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/m);
    const again = await cli.run(['deletion', 'request', '--client', client.id]);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('already scheduled');
    const cancelled = await cli.json(['deletion', 'cancel', '--client', client.id]);
    expect(cancelled).toMatchObject({ id: asked.id, status: 'cancelled' });
    expect((await cli.json(['clients', 'show', client.id])).status).toBe('active');
    const none = await cli.run(['deletion', 'status', '--client', clientId]);
    expect(none.code).toBe(4);
  }, 180_000);
});
