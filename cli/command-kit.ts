/**
 * What every command shares: the common options (--url, --json, --no-color), examples in its
 * --help, and a context that gives it the output, the session and the tenant it acts on.
 */
import { type Command, Option } from 'commander';
import { request, type ApiTarget, type RequestOptions, type ResponseOf, type RouteKey } from './api.ts';
import { usage } from './failure.ts';
import { Output } from './output.ts';
import { requireSession, resolveUrl, type Session, type TokenClaims } from './session.ts';

export interface CommonOptions {
  url?: string;
  json?: boolean;
  color: boolean;
}

export interface Context {
  /** The command's own options, common ones included. */
  options: CommonOptions & Record<string, unknown>;
  out: Output;
  /** The chosen server, signed in or not. */
  baseUrl(): Promise<string>;
  /** The signed-in session for the chosen server (exit code 3 when there is none, or it expired). */
  session(): Promise<Session>;
  /** A request as the signed-in user. */
  call<K extends RouteKey>(route: K, options: RequestOptions<K>): Promise<ResponseOf<K>>;
  /** A request without a token. */
  callPublic<K extends RouteKey>(route: K, options: RequestOptions<K>): Promise<ResponseOf<K>>;
}

type Action = (context: Context, ...positionals: string[]) => Promise<void>;

/** A runnable command with the common options and an Examples section in its help. */
export function leaf(parent: Command, spec: string, description: string, examples: readonly string[]): Command {
  const command = parent.command(spec).description(description);
  command
    .addOption(
      new Option(
        '--url <url>',
        'the Upzento server (default: the last `upzento login`, else http://127.0.0.1:3000)',
      ).env('UPZENTO_URL'),
    )
    .option('--json', "print the API's JSON on stdout, for scripts")
    .option('--no-color', 'no colour (also off with NO_COLOR set or when the output is not a terminal)');
  command.addHelpText('after', `\nExamples:\n${examples.map((example) => `  $ ${example}`).join('\n')}\n`);
  return command;
}

/** Runs `action` with a context built from the parsed options; positionals in the order of the spec. */
export function act(command: Command, action: Action): Command {
  return command.action(async (...args: unknown[]) => {
    const self = args[args.length - 1] as Command;
    // A variadic argument (always the last) arrives as one array.
    const positionals = args
      .slice(0, -2)
      .flatMap((value) => (Array.isArray(value) ? (value as string[]) : [value as string]));
    const options = self.opts() as CommonOptions & Record<string, unknown>;
    const out = new Output({ json: options.json === true, color: options.color !== false });
    let session: Promise<Session> | null = null;
    const context: Context = {
      options,
      out,
      baseUrl: () => resolveUrl(options.url),
      session: () => (session ??= requireSession(options.url)),
      async call(route, requestOptions) {
        const { target } = await context.session();
        return request(target, route, requestOptions);
      },
      async callPublic(route, requestOptions) {
        const target: ApiTarget = { baseUrl: await context.baseUrl(), accessToken: null };
        return request(target, route, requestOptions);
      },
    };
    await action(context, ...positionals);
  });
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checked here, so a typo is a usage error that says which id, not the server's 400. */
export function requireId(value: string, what: string, listedBy: string): string {
  if (!UUID.test(value)) throw usage(`${what}: "${value}" is not an id (a UUID).`, `\`${listedBy}\` shows the ids.`);
  return value.toLowerCase();
}

export type TenantRef = { type: 'agency'; id: string } | { type: 'client'; id: string };

export function agencyOption(command: Command, what = 'the agency'): Command {
  return command.option('--agency <id>', `${what} (default: your own, when you are an agency user)`);
}
export function clientOption(command: Command, what = 'the client'): Command {
  return command.option('--client <id>', `${what} (default: your own, when you are a client user)`);
}

/** --agency, else the signed-in user's own agency. */
export async function agencyId(context: Context): Promise<string> {
  const given = context.options.agency as string | undefined;
  if (given !== undefined) return requireId(given, '--agency', 'upzento agencies list');
  const { claims } = await context.session();
  if (claims.tty === 'agency') return claims.tid;
  throw usage('--agency: which agency?', ownTenantHint(claims, '--agency <id>', 'upzento agencies list'));
}

/** --client, else the signed-in user's own client. */
export async function clientId(context: Context): Promise<string> {
  const given = context.options.client as string | undefined;
  if (given !== undefined) return requireId(given, '--client', 'upzento clients list --agency <id>');
  const { claims } = await context.session();
  if (claims.tty === 'client') return claims.tid;
  throw usage('--client: which client?', ownTenantHint(claims, '--client <id>', 'upzento clients list --agency <id>'));
}

/** Exactly one of --agency and --client, else the signed-in user's own agency or client. */
export async function tenantRef(context: Context): Promise<TenantRef> {
  const agency = context.options.agency as string | undefined;
  const client = context.options.client as string | undefined;
  if (agency !== undefined && client !== undefined) throw usage('Give --agency or --client, not both.');
  if (agency !== undefined) return { type: 'agency', id: requireId(agency, '--agency', 'upzento agencies list') };
  if (client !== undefined)
    return { type: 'client', id: requireId(client, '--client', 'upzento clients list --agency <id>') };
  const { claims } = await context.session();
  if (claims.tty === 'agency' || claims.tty === 'client') return { type: claims.tty, id: claims.tid };
  throw usage(
    'Which tenant? Give --agency <id> or --client <id>.',
    'The platform admin names the tenant; `upzento agencies list` and `upzento clients list --agency <id>` show the ids.',
  );
}

function ownTenantHint(claims: TokenClaims, flag: string, listedBy: string): string {
  return `As a ${claims.tty} user, name it with ${flag}; \`${listedBy}\` shows the ids.`;
}

/** `1h2m`, `90s`, `500ms`, `2m`, or a plain number of seconds, in milliseconds. */
export function parseDuration(text: string, flag: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== trimmed) {
    throw usage(
      `${flag}: "${text}" is not a duration.`,
      'Write it like 30s, 10m, 1h30m or 500ms (a plain number is seconds).',
    );
  }
  return Math.round(parts.reduce((sum, part) => sum + Number(part[1]) * (units[part[2] as string] ?? 0), 0));
}

/** A local time for people: `2026-12-04 20:31:07`. */
export function when(iso: string | null): string {
  if (!iso) return '-';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
