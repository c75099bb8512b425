/** Every version change, oldest first: one file each, named after the version that made it. */
import { contactName } from './2026-12-01-contact-name.ts';
import type { VersionChange } from '../version-change.ts';

export const VERSION_CHANGES: readonly VersionChange[] = [contactName];
