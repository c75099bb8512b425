/**
 * Cleans what earlier versions stored from input they should have refused, so that every stored row
 * reads as the API now promises:
 *
 * - `submissions.fields` kept any key and any JSON value (`{"0": {"toString": 1}}` failed every page
 *   of submissions that held it). Entries whose key is not a field name are dropped; numbers and
 *   booleans become their text; objects, arrays and nulls are dropped. Anything but an object is `{}`.
 * - `client_settings.widget` kept any property a change carried, `publicKey` among them, merged
 *   into every later change. Only the documented properties stay, in the theme and in each field too.
 *
 * The connecting role is held to row-level security (FORCEd, no policy for it), so the rows are
 * changed as upzento_system, whose policy admits them all; the role is reset before the migrator
 * records this migration.
 */
import { sql, type Kysely } from 'kysely';

/** shared/widget-wire.ts FIELD_NAME. */
const FIELD_NAME = '^[a-zA-Z][a-zA-Z0-9_]{0,39}$';
/** The properties of shared/widget-wire.ts WidgetConfig (without publicKey), WidgetTheme and WidgetField. */
const WIDGET_KEYS = ['title', 'intro', 'launcherLabel', 'submitLabel', 'successMessage', 'position', 'theme', 'fields'];
const THEME_KEYS = ['primary', 'text', 'background'];
const FIELD_KEYS = ['name', 'label', 'type', 'required', 'maxLength'];

const list = (keys: string[]) => keys.map((key) => `'${key}'`).join(', ');

/** The entries of JSON object `value` whose key is one of `keys`. */
const keepOnly = (value: string, keys: string[]) =>
  `(SELECT COALESCE(jsonb_object_agg(kept.key, kept.value), '{}'::jsonb) FROM jsonb_each(${value}) AS kept WHERE kept.key IN (${list(keys)}))`;

const CLEAN_SQL = `
SET ROLE upzento_system;

UPDATE submissions
SET fields = CASE WHEN jsonb_typeof(fields) = 'object' THEN (
    SELECT COALESCE(jsonb_object_agg(key, CASE jsonb_typeof(value) WHEN 'string' THEN value ELSE to_jsonb(value #>> '{}') END), '{}'::jsonb)
    FROM jsonb_each(fields)
    WHERE key ~ '${FIELD_NAME}' AND jsonb_typeof(value) IN ('string', 'number', 'boolean')
  ) ELSE '{}'::jsonb END
WHERE jsonb_typeof(fields) <> 'object'
   OR EXISTS (SELECT 1 FROM jsonb_each(CASE WHEN jsonb_typeof(fields) = 'object' THEN fields ELSE '{}'::jsonb END)
              WHERE key !~ '${FIELD_NAME}' OR jsonb_typeof(value) <> 'string');

UPDATE client_settings
SET widget = c.cleaned
FROM (
  SELECT s.agency_id, s.client_id, (
    SELECT COALESCE(jsonb_object_agg(w.key, CASE
        WHEN w.key = 'theme' AND jsonb_typeof(w.value) = 'object' THEN ${keepOnly('w.value', THEME_KEYS)}
        WHEN w.key = 'fields' AND jsonb_typeof(w.value) = 'array' THEN (
          SELECT COALESCE(jsonb_agg(CASE WHEN jsonb_typeof(f.field) = 'object' THEN ${keepOnly('f.field', FIELD_KEYS)} ELSE f.field END
                                    ORDER BY f.position), '[]'::jsonb)
          FROM jsonb_array_elements(w.value) WITH ORDINALITY AS f (field, position))
        ELSE w.value END), '{}'::jsonb)
    FROM jsonb_each(s.widget) AS w
    WHERE w.key IN (${list(WIDGET_KEYS)})
  ) AS cleaned
  FROM client_settings AS s
  WHERE jsonb_typeof(s.widget) = 'object'
) AS c
WHERE client_settings.agency_id = c.agency_id AND client_settings.client_id = c.client_id
  AND client_settings.widget IS DISTINCT FROM c.cleaned;

RESET ROLE;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(CLEAN_SQL).execute(db);
}
