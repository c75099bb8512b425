/**
 * Signing in and out with `upzento`, run as a child process against a server process: where the
 * token is kept and how, what an expired or refused token says, and the exit code of each kind of
 * failure.
 */
import { createHmac } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliRunner, startCliServer, type CliRunner, type CliServer } from '../support/cli.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app.ts';

let server: CliServer;
let cli: CliRunner;

beforeAll(async () => {
  server = await startCliServer();
  cli = await cliRunner();
});

afterAll(async () => {
  await server?.close();
  await cli?.close();
});

function credentialsFile(): string {
  return path.join(cli.configHome, 'upzento', 'credentials.json');
}

async function login(): Promise<void> {
  const result = await cli.run(['login', '--url', server.url, '--email', ADMIN_EMAIL], {
    env: { UPZENTO_PASSWORD: ADMIN_PASSWORD },
  });
  expect(result.code, result.stderr).toBe(0);
}

/** An HS256 token signed with the server's key, as the server would make it, with the given times. */
function signedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', server.t.jwtSecret).update(unsigned).digest('base64url')}`;
}

describe('login', () => {
  test('with the password from UPZENTO_PASSWORD keeps the token in a 0600 file of a 0700 dir', async () => {
    const result = await cli.run(['login', '--url', server.url, '--email', ADMIN_EMAIL, '--json'], {
      env: { UPZENTO_PASSWORD: ADMIN_PASSWORD },
    });
    expect(result.code, result.stderr).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer).toMatchObject({ url: server.url, email: ADMIN_EMAIL, tokenType: 'Bearer', expiresIn: 900 });
    // The token is kept, never printed unasked.
    expect(result.stdout).not.toMatch(/eyJ/);
    expect(result.stderr).toContain(`Signed in to ${server.url} as ${ADMIN_EMAIL}`);

    expect((await stat(credentialsFile())).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(credentialsFile()))).mode & 0o777).toBe(0o700);
    const stored = JSON.parse(await readFile(credentialsFile(), 'utf8'));
    expect(stored.current).toBe(server.url);
    expect(stored.servers[server.url].accessToken).toMatch(/^eyJ/);
    const lifetime = Date.parse(stored.servers[server.url].expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(10 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000);
  });

  test('with --password-stdin, and the server remembered for the next commands', async () => {
    const result = await cli.run(['login', '--url', server.url, '--email', ADMIN_EMAIL, '--password-stdin'], {
      input: `${ADMIN_PASSWORD}\n`,
    });
    expect(result.code, result.stderr).toBe(0);
    // No --url: the server of the last login.
    const who = await cli.json(['whoami']);
    expect(who).toMatchObject({ url: server.url, email: ADMIN_EMAIL, tenantType: 'platform', role: 'admin' });
    const token = await cli.run(['token']);
    expect(token.stdout.trim()).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    const response = await fetch(`${server.url}/v1/agencies`, {
      headers: { authorization: `Bearer ${token.stdout.trim()}` },
    });
    expect(response.status).toBe(200);
  });

  test('a wrong password exits 3 and says so; nothing is kept', async () => {
    const other = await cliRunner();
    try {
      const result = await other.run(['login', '--url', server.url, '--email', ADMIN_EMAIL], {
        env: { UPZENTO_PASSWORD: 'not the password at all' },
      });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('Email or password is wrong');
      expect(result.stdout).toBe('');
      await expect(stat(path.join(other.configHome, 'upzento', 'credentials.json'))).rejects.toThrow(/ENOENT/);
      const json = await other.run(['login', '--url', server.url, '--email', ADMIN_EMAIL, '--json'], {
        env: { UPZENTO_PASSWORD: 'not the password at all' },
      });
      expect(json.code).toBe(3);
      expect(JSON.parse(json.stdout)).toMatchObject({ statusCode: 401, code: 'UPZ_BAD_CREDENTIALS' });
    } finally {
      await other.close();
    }
  });

  test('without a terminal or a password source it is a usage error that says what to pass', async () => {
    const result = await cli.run(['login', '--url', server.url, '--email', ADMIN_EMAIL]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--password-stdin.*UPZENTO_PASSWORD/s);
  });

  test('on a terminal the password is asked for and not echoed', async () => {
    // script(1) gives the command a pseudo-terminal, as a person at a shell has.
    const command = `node bin/upzento.mjs login --url ${server.url} --email ${ADMIN_EMAIL}`;
    const { spawn } = await import('node:child_process');
    const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn('script', ['-qec', command, '/dev/null'], {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: { ...process.env, XDG_CONFIG_HOME: cli.configHome, UPZENTO_PASSWORD: '' },
      });
      let text = '';
      let typed = false;
      const onData = (chunk: Buffer) => {
        text += chunk.toString();
        if (!typed && text.includes('Password:')) {
          typed = true;
          child.stdin.write(`${ADMIN_PASSWORD}\r`);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('close', (code) => resolve({ code, text }));
    });
    expect(output.code, output.text).toBe(0);
    expect(output.text).toContain('Password:');
    expect(output.text).toContain('Signed in to');
    expect(output.text).not.toContain(ADMIN_PASSWORD);
  });
});

describe('an expired or refused token', () => {
  test('past its expiry, the command says to run upzento login again, exit 3, without asking the server', async () => {
    await login();
    const stored = JSON.parse(await readFile(credentialsFile(), 'utf8'));
    stored.servers[server.url].expiresAt = new Date(Date.now() - 60_000).toISOString();
    await writeFile(credentialsFile(), JSON.stringify(stored));
    const result = await cli.run(['agencies', 'list']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('expired');
    expect(result.stderr).toContain(`upzento login --url ${server.url}`);
  });

  test('a token the server refuses (expired by its own clock) exits 3 with the same advice', async () => {
    await login();
    const stored = JSON.parse(await readFile(credentialsFile(), 'utf8'));
    const claims = JSON.parse(
      Buffer.from(stored.servers[server.url].accessToken.split('.')[1], 'base64url').toString(),
    );
    const now = Math.floor(Date.now() / 1000);
    stored.servers[server.url].accessToken = signedToken({ ...claims, iat: now - 1000, exp: now - 100 });
    await writeFile(credentialsFile(), JSON.stringify(stored));
    const result = await cli.run(['agencies', 'list', '--json']);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ statusCode: 401, code: 'UPZ_UNAUTHORIZED' });
    expect(result.stderr).toContain('The server refused the sign-in token');
    expect(result.stderr).toContain(`upzento login --url ${server.url}`);
  });

  test('not signed in to the server named by --url or UPZENTO_URL: exit 3, and the token of another server is not sent there', async () => {
    await login();
    const { createServer: createHttpServer } = await import('node:http');
    const seen: (string | undefined)[] = [];
    const stranger = createHttpServer((request, response) => {
      seen.push(request.headers.authorization);
      response
        .writeHead(401, { 'content-type': 'application/json' })
        .end('{"statusCode":401,"code":"UPZ_UNAUTHORIZED","error":"Unauthorized","message":"no"}');
    });
    await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
    const other = `http://127.0.0.1:${(stranger.address() as { port: number }).port}`;
    try {
      const flag = await cli.run(['agencies', 'list', '--url', other]);
      expect(flag.code).toBe(3);
      expect(flag.stderr).toContain(`Not signed in to ${other}`);
      expect(flag.stderr).toContain(`upzento login --url ${other}`);
      const env = await cli.run(['whoami'], { env: { UPZENTO_URL: other } });
      expect(env.code).toBe(3);
      expect(env.stderr).toContain(`Not signed in to ${other}`);
      expect(seen).toEqual([]);
    } finally {
      await new Promise((resolve) => stranger.close(resolve));
    }
  });

  test('logout forgets the token', async () => {
    await login();
    const out = await cli.run(['logout', '--json']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ url: server.url, signedOut: true });
    const stored = JSON.parse(await readFile(credentialsFile(), 'utf8'));
    expect(stored.servers[server.url]).toBeUndefined();
    const after = await cli.run(['whoami', '--url', server.url]);
    expect(after.code).toBe(3);
    expect(after.stderr).toContain('Not signed in');
  });
});

describe('exit codes and output conventions', () => {
  test('a 503 or 429 exits 6 with the Retry-After; another 5xx exits 1', async () => {
    const { createServer: createHttpServer } = await import('node:http');
    let answer = { status: 503, code: 'UPZ_UNAVAILABLE', retryAfter: '7' as string | null };
    const stub = createHttpServer((_request, response) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (answer.retryAfter) headers['retry-after'] = answer.retryAfter;
      response
        .writeHead(answer.status, headers)
        .end(
          JSON.stringify({ statusCode: answer.status, code: answer.code, error: 'x', message: 'the database is away' }),
        );
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(stub.address() as { port: number }).port}`;
    const login = (json: boolean) =>
      cli.run(['login', '--url', url, '--email', ADMIN_EMAIL, ...(json ? ['--json'] : [])], {
        env: { UPZENTO_PASSWORD: ADMIN_PASSWORD },
      });
    try {
      const unavailable = await login(true);
      expect(unavailable.code).toBe(6);
      expect(unavailable.stderr).toContain('the database is away');
      expect(unavailable.stderr).toContain('Try again in 7 s.');
      expect(JSON.parse(unavailable.stdout)).toMatchObject({ statusCode: 503, code: 'UPZ_UNAVAILABLE' });
      answer = { status: 429, code: 'UPZ_TOO_MANY_ATTEMPTS', retryAfter: '2' };
      const braked = await login(false);
      expect(braked.code).toBe(6);
      expect(braked.stderr).toContain('Try again in 2 s.');
      answer = { status: 500, code: 'FST_ERR_X', retryAfter: null };
      const broken = await login(false);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('The server answered 500');
    } finally {
      await new Promise((resolve) => stub.close(resolve));
    }
  });

  test('a server that is down exits 6 and names the address', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const down = `http://127.0.0.1:${port}`;
    const result = await cli.run(['login', '--url', down, '--email', ADMIN_EMAIL], {
      env: { UPZENTO_PASSWORD: ADMIN_PASSWORD },
    });
    expect(result.code).toBe(6);
    expect(result.stderr).toContain(`Cannot reach the Upzento server at ${down} (ECONNREFUSED)`);
    expect(result.stderr).toContain('--url or UPZENTO_URL');
  });

  test('usage errors exit 2: an unknown command, a missing argument, a malformed id or URL', async () => {
    await login();
    const unknown = await cli.run(['agencies', 'lst']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('(Did you mean list?)');
    expect((await cli.run(['clients', 'show'])).code).toBe(2);
    const badId = await cli.run(['clients', 'show', 'not-an-id']);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('"not-an-id" is not an id');
    expect((await cli.run(['whoami', '--url', 'ftp://example.com'])).code).toBe(2);
    expect(
      (
        await cli.run([
          'users',
          'add',
          '--client',
          '00000000-0000-4000-8000-000000000000',
          '--email',
          'a@b.test',
          '--role',
          'owner',
        ])
      ).code,
    ).toBe(2);
  });

  test('every command has --help with examples, exit 0', async () => {
    const commands = [
      ['login'],
      ['logout'],
      ['whoami'],
      ['token'],
      ['agencies', 'list'],
      ['agencies', 'create'],
      ['clients', 'list'],
      ['clients', 'create'],
      ['clients', 'show'],
      ['users', 'list'],
      ['users', 'add'],
      ['users', 'invite'],
      ['users', 'invitations'],
      ['users', 'withdraw'],
      ['users', 'accept'],
      ['users', 'set-role'],
      ['users', 'remove'],
      ['domains', 'add'],
      ['domains', 'list'],
      ['domains', 'verify'],
      ['domains', 'status'],
      ['domains', 'remove'],
      ['widget', 'get'],
      ['widget', 'set'],
      ['widget', 'snippet'],
      ['audit', 'list'],
      ['audit', 'verify'],
      ['exports', 'create'],
      ['exports', 'list'],
      ['exports', 'status'],
      ['exports', 'download'],
      ['migrate'],
    ];
    // A few at a time: thirty node processes at once would starve a small machine.
    const results: Awaited<ReturnType<CliRunner['run']>>[] = [];
    for (let start = 0; start < commands.length; start += 4) {
      results.push(
        ...(await Promise.all(commands.slice(start, start + 4).map((command) => cli.run([...command, '--help'])))),
      );
    }
    results.forEach((result, index) => {
      const name = commands[index]!.join(' ');
      expect(result.code, name).toBe(0);
      expect(result.stdout, name).toContain(`Usage: upzento ${name}`);
      expect(result.stdout, name).toContain('--json');
      expect(result.stdout, name).toMatch(
        /Examples:\n {2}\$ (upzento|printf|UPZENTO_PASSWORD|AGENCY|CLIENT|curl|DATABASE_URL)/,
      );
    });
    const root = await cli.run(['--help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('Exit codes:');
  }, 300_000);

  test('colour on a terminal only, and never with NO_COLOR or --no-color', async () => {
    const plain = await cli.run(['clients', 'show', 'nope']);
    expect(plain.stderr).toContain('Error:');
    expect(plain.stderr).not.toContain('\u001b[');
    const onTerminal = (extra: string, env: NodeJS.ProcessEnv = {}) =>
      inTerminal(`node bin/upzento.mjs clients show nope ${extra}`, env);
    expect(await onTerminal('')).toContain('\u001b[31mError:');
    expect(await onTerminal('', { NO_COLOR: '1' })).not.toContain('\u001b[');
    expect(await onTerminal('--no-color')).not.toContain('\u001b[');
  });
});

/** What a command writes to a pseudo-terminal (script(1)), as a person at a shell sees it. */
async function inTerminal(command: string, env: NodeJS.ProcessEnv): Promise<string> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, XDG_CONFIG_HOME: cli.configHome, NO_COLOR: '', TERM: 'xterm', ...env },
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('close', () => resolve(text));
    child.stdin.end();
  });
}
