/**
 * Where each lead came from, and the consent it was sent with, on its submission:
 *
 * - page_url, referrer: the page the widget was on and its referrer, absolute http(s) URLs of at most
 *   2048 characters (the API checks the form; the database holds the bound);
 * - utm_source … utm_content: the page's UTM parameters, at most 200 characters each;
 * - consent_text, consented_at: the text the visitor agreed to (at most 1000 characters) and the time
 *   the server received it; both or neither.
 *
 * Columns rather than one jsonb, so the shape is closed by the table itself and a read never meets a
 * value of another type. Adding nullable columns without a default rewrites nothing; the checks are
 * added NOT VALID because every existing row holds NULL there, so no scan under the table's lock is needed.
 * Erasure deletes a contact's submissions whole, and the export and webhook bodies are made from the
 * row, so the new columns go wherever the submission goes.
 */
import { sql, type Kysely } from 'kysely';

const CONTEXT_SQL = `
ALTER TABLE submissions
  ADD COLUMN page_url     text,
  ADD COLUMN referrer     text,
  ADD COLUMN utm_source   text,
  ADD COLUMN utm_medium   text,
  ADD COLUMN utm_campaign text,
  ADD COLUMN utm_term     text,
  ADD COLUMN utm_content  text,
  ADD COLUMN consent_text text,
  ADD COLUMN consented_at timestamptz;

ALTER TABLE submissions
  ADD CONSTRAINT submissions_page_url_check CHECK (char_length(page_url) <= 2048 AND page_url ~ '^https?://') NOT VALID,
  ADD CONSTRAINT submissions_referrer_check CHECK (char_length(referrer) <= 2048 AND referrer ~ '^https?://') NOT VALID,
  ADD CONSTRAINT submissions_utm_check CHECK (
    char_length(utm_source) <= 200 AND char_length(utm_medium) <= 200 AND char_length(utm_campaign) <= 200
    AND char_length(utm_term) <= 200 AND char_length(utm_content) <= 200) NOT VALID,
  ADD CONSTRAINT submissions_consent_check CHECK (
    (consent_text IS NULL) = (consented_at IS NULL) AND char_length(consent_text) BETWEEN 1 AND 1000) NOT VALID;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(CONTEXT_SQL).execute(db);
}
