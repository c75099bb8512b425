/**
 * Chromium for the browser tests and the widget benchmark: the Debian package at /usr/bin/chromium driven
 * by playwright-core, never a downloaded browser. Made-up hostnames reach 127.0.0.1 through Chromium's own
 * host resolver rules (no /etc/hosts edits), and HTTPS uses a certificate the test makes, trusted by its
 * public key only, so every other certificate error still fails as it would for a visitor.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import selfsigned from 'selfsigned';

/** The browser the suite drives; `UPZENTO_CHROMIUM` names another binary of the same kind. */
export const CHROMIUM_PATH = process.env.UPZENTO_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Whether the browser tests must be skipped here. Where the browser is missing they are, loudly; under
 * `CI=true` a missing browser is an error instead, so a CI image without it cannot pass by skipping.
 */
export function browserTestsSkipped(suite: string): boolean {
  if (existsSync(CHROMIUM_PATH)) return false;
  const message = `${suite}: no Chromium at ${CHROMIUM_PATH} (the Debian "chromium" package; tests never download a browser)`;
  if (process.env.CI === 'true') throw new Error(`${message}. CI=true, so this fails instead of skipping.`);
  console.warn(`\n!!! SKIPPED ${message}. Install it to run them.\n`);
  return true;
}

export interface TestCertificate {
  key: string;
  cert: string;
  /** base64 SHA-256 of the certificate's SubjectPublicKeyInfo, the form Chromium's SPKI allow-list takes. */
  spkiSha256: string;
}

/** A self-signed certificate for exactly these hostnames, valid from an hour ago for a day. */
export async function createTestCertificate(hostnames: readonly string[]): Promise<TestCertificate> {
  const [first] = hostnames;
  if (!first) throw new Error('createTestCertificate needs at least one hostname');
  const now = Date.now();
  const pems = await selfsigned.generate([{ name: 'commonName', value: first }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 3600_000),
    notAfterDate: new Date(now + 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: hostnames.map((value) => ({ type: 2 as const, value })) },
    ],
  });
  const spki = new X509Certificate(pems.cert).publicKey.export({ type: 'spki', format: 'der' });
  return { key: pems.private, cert: pems.cert, spkiSha256: createHash('sha256').update(spki).digest('base64') };
}

export interface LaunchOptions {
  /**
   * Hostname → `127.0.0.1` or `127.0.0.1:port`. Every other name (but localhost and 127.0.0.1) fails to
   * resolve, so a page can reach nothing outside the test.
   */
  hosts?: Readonly<Record<string, string>>;
  /** Certificates accepted although no CA signed them (matched by public key). */
  trust?: readonly TestCertificate[];
  args?: readonly string[];
}

export async function launchChromium({ hosts = {}, trust = [], args = [] }: LaunchOptions = {}): Promise<Browser> {
  const rules = [
    ...Object.entries(hosts).map(([host, target]) => `MAP ${host} ${target}`),
    'EXCLUDE localhost',
    'EXCLUDE 127.0.0.1',
    'MAP * ~NOTFOUND',
  ];
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // playwright-core gives each launch a new, empty user-data-dir and removes it on close.
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
      `--host-resolver-rules=${rules.join(', ')}`,
      ...(trust.length ? [`--ignore-certificate-errors-spki-list=${trust.map((c) => c.spkiSha256).join(',')}`] : []),
      ...args,
    ],
  });
}
