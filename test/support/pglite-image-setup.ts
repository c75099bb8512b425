/** Vitest global setup: makes (or finds) the migrated PGlite image once per run; see pglite-image.ts. */
import { ensurePgliteImage, PGLITE_IMAGE_ENV } from './pglite-image.ts';

export default async function setup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  process.env[PGLITE_IMAGE_ENV] = await ensurePgliteImage();
}
