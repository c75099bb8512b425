/**
 * The compliance report as a printable HTML page: every value escaped, no script, one style sheet
 * allowed by its hash (Content-Security-Policy), laid out for A4 paper when printed.
 */
import { createHash } from 'node:crypto';
import type { ComplianceReport } from './compliance-report.ts';

const STYLE = `
body { font: 13px/1.45 system-ui, sans-serif; color: #111; margin: 2rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: .2rem .4rem; border-bottom: 1px solid #ddd; }
th { background: #f2f2f2; } td.details { font-family: ui-monospace, monospace; font-size: 11px; word-break: break-all; }
.meta { color: #444; } .ok { color: #0a6b2e; } .bad { color: #a40000; font-weight: bold; } .note { font-style: italic; }
@media print { body { margin: 0; font-size: 10px; } h2 { break-after: avoid; } tr { break-inside: avoid; } thead { display: table-header-group; } @page { size: A4; margin: 15mm; } }
`;

/** The Content-Security-Policy of the page: nothing but its own style sheet. */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  const text =
    value instanceof Date
      ? value.toISOString()
      : value === null || value === undefined
        ? ''
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

type Event = ComplianceReport['domains']['events'][number];
type Section = ComplianceReport['domains'];

function events(title: string, section: Section): string {
  const rows = section.events
    .map(
      (e: Event) =>
        `<tr><td>${escapeHtml(e.at)}</td><td>${escapeHtml(e.actor.type)}${e.actor.id ? ` ${escapeHtml(e.actor.id)}` : ''}</td><td>${escapeHtml(e.ip)}</td><td>${escapeHtml(e.requestId)}</td>` +
        `<td>${escapeHtml(e.action)}</td><td>${escapeHtml(e.target.type)} ${escapeHtml(e.target.id)}</td><td class="details">${escapeHtml(e.details)}</td></tr>`,
    )
    .join('\n');
  const count = `${section.total} event${section.total === 1 ? '' : 's'}${section.truncated ? `, the first ${section.events.length} listed` : ''}`;
  return `<h2>${escapeHtml(title)}</h2><p class="meta">${escapeHtml(count)}</p>${
    section.events.length === 0
      ? ''
      : `<table><thead><tr><th>time (UTC)</th><th>actor</th><th>address</th><th>request id</th><th>action</th><th>target</th><th>details</th></tr></thead><tbody>${rows}</tbody></table>`
  }`;
}

export function complianceReportHtml(report: ComplianceReport): string {
  const users = report.users.current
    .map(
      (u) =>
        `<tr><td>${escapeHtml(u.email)}</td><td>${escapeHtml(u.role)}</td><td>${escapeHtml(u.tenantId)}</td><td>${escapeHtml(u.id)}</td><td>${escapeHtml(u.createdAt)}</td></tr>`,
    )
    .join('\n');
  const chains = report.auditChains
    .map((c) => {
      const hash = c.hashChain.valid
        ? `<span class="ok">valid</span> (${c.hashChain.rowsChecked} rows)`
        : `<span class="bad">broken at row ${escapeHtml(c.hashChain.firstBrokenSeq)}</span>`;
      const digests = c.digests.valid
        ? `<span class="ok">match</span> (${c.digests.digestsChecked} digests, rows through ${c.digests.coveredThroughSeq} signed, ${c.digests.uncoveredRows} not yet; newest ${escapeHtml(c.digests.lastDigestAt ?? 'none')})`
        : `<span class="bad">${escapeHtml(c.digests.firstMismatch?.message)}</span>`;
      return `<tr><td>${escapeHtml(c.tenantId)}</td><td>${c.rowsInPeriod}</td><td>${hash}</td><td>${digests}</td></tr>`;
    })
    .join('\n');
  const alerts =
    report.isolation.alerts.length === 0
      ? `<p>No alerts.</p><p class="note">${escapeHtml(report.isolation.note)}</p>`
      : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Compliance report: ${escapeHtml(report.tenant.name ?? report.tenant.id)}</title><style>${STYLE}</style></head>
<body>
<h1>Compliance report: ${escapeHtml(report.tenant.name ?? report.tenant.id)}</h1>
<p class="meta">${escapeHtml(report.tenant.type)} ${escapeHtml(report.tenant.id)} · period ${escapeHtml(report.period.from)} to ${escapeHtml(report.period.to)} · generated ${escapeHtml(report.generatedAt)}</p>
<h2>Audit chains</h2>
<table><thead><tr><th>chain (tenant)</th><th>rows in period</th><th>hash chain</th><th>signed digests</th></tr></thead><tbody>${chains}</tbody></table>
<h2>Users and roles now</h2>
<table><thead><tr><th>email</th><th>role</th><th>tenant</th><th>user id</th><th>since</th></tr></thead><tbody>${users}</tbody></table>
${events('Changes to users, roles and invitations', report.users.changes)}
<h2>Sign-ins</h2><p class="meta">${report.signIns.succeeded} succeeded, ${report.signIns.failed} failed</p>
${events('Sign-in events', report.signIns.events)}
${events('Domains', report.domains)}
${events('Settings', report.settings)}
${events('Data exports', report.dataRequests.exports)}
${events('Erasures and retention', report.dataRequests.erasures)}
<h2>Isolation alerts</h2>${alerts}
${events('Isolation checks that passed', report.isolation.checks)}
</body></html>
`;
}
