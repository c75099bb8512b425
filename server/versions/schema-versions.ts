/**
 * A route's schemas and values as an older version has them, worked out once per route and version
 * when the route is registered. A version change names schemas by title (version-change.ts); this
 * walks a route's body and response schemas (properties, array items, unions) to find them, and makes
 * the older schema and the functions that move a value forward or back along the same paths.
 */
import { API_VERSIONS, compareVersions, type ApiVersion } from './api-versions.ts';
import type { JsonObject, JsonSchema, SchemaChange, VersionChange } from './version-change.ts';

/** Moves a value across changes; returns a new value, or the same one when nothing applies to it. */
export type Move = (value: unknown) => unknown;

/** The changes made after `version`, oldest first: what a request of it crosses. */
export function changesSince(changes: readonly VersionChange[], version: ApiVersion): VersionChange[] {
  return changes
    .filter((change) => compareVersions(change.version, version) > 0)
    .sort((a, b) => compareVersions(a.version, b.version));
}

/** What a titled schema crosses, oldest change first. */
function crossingsOf(schema: JsonSchema, changes: readonly VersionChange[]): SchemaChange[] {
  const title = schema.title;
  if (typeof title !== 'string') return [];
  return changes.flatMap((change) => change.schemas[title] ?? []);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childSchemas(schema: JsonSchema): Array<[key: string, child: JsonSchema]> {
  const properties = isObject(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
  return Object.entries(properties);
}

function unionOf(schema: JsonSchema): JsonSchema[] {
  const union = schema.anyOf ?? schema.oneOf;
  return Array.isArray(union) ? (union as JsonSchema[]) : [];
}

/** The schema as a version before `changes` (oldest first) had it. */
export function olderSchema(schema: JsonSchema, changes: readonly VersionChange[]): JsonSchema {
  let older: JsonSchema = { ...schema };
  const properties = childSchemas(schema);
  if (properties.length > 0)
    older = {
      ...older,
      properties: Object.fromEntries(properties.map(([key, child]) => [key, olderSchema(child, changes)])),
    };
  if (isObject(schema.items)) older = { ...older, items: olderSchema(schema.items as JsonSchema, changes) };
  for (const keyword of ['anyOf', 'oneOf'] as const)
    if (Array.isArray(schema[keyword]))
      older = { ...older, [keyword]: (schema[keyword] as JsonSchema[]).map((branch) => olderSchema(branch, changes)) };
  // The newest change is undone first.
  for (const crossing of crossingsOf(schema, changes).reverse()) older = crossing.older(older);
  return older;
}

/**
 * Moves a value of the schema across `changes` (oldest first): forward (an older request made the
 * newest) or backward (a newest answer made older). Null when no change reaches into the schema.
 */
export function mover(schema: JsonSchema, changes: readonly VersionChange[], way: 'forward' | 'backward'): Move | null {
  const own = crossingsOf(schema, changes);
  // Forward, the oldest change is crossed first; backward, the newest is undone first.
  const steps = (way === 'forward' ? own : [...own].reverse()).map((crossing) => crossing[way]);
  const inner: Array<[string, Move]> = [];
  for (const [key, child] of childSchemas(schema)) {
    const move = mover(child, changes, way);
    if (move) inner.push([key, move]);
  }
  const items = isObject(schema.items) ? mover(schema.items as JsonSchema, changes, way) : null;
  const branches = unionOf(schema)
    .map((branch) => mover(branch, changes, way))
    .filter((move): move is Move => move !== null);
  if (branches.length > 1) throw new Error(`schema ${String(schema.title)}: two branches of a union change shape`);
  const branch = branches[0] ?? null;
  if (steps.length === 0 && inner.length === 0 && items === null && branch === null) return null;

  const moveInner = (value: unknown): unknown => {
    if (branch && (isObject(value) || Array.isArray(value))) return branch(value);
    if (items && Array.isArray(value)) return value.map(items);
    if (inner.length === 0 || !isObject(value)) return value;
    const moved = { ...value };
    for (const [key, move] of inner) if (moved[key] !== undefined) moved[key] = move(moved[key]);
    return moved;
  };
  const moveOwn = (value: unknown): unknown => {
    if (!isObject(value)) return value;
    let moved = value;
    for (const step of steps) moved = step(moved);
    return moved;
  };
  // Property names are the newest ones inside the handler: forward, they are restored before the
  // properties are moved; backward, the properties are moved before their names go back.
  return way === 'forward' ? (value) => moveInner(moveOwn(value)) : (value) => moveOwn(moveInner(value));
}

/** A route's body and responses as one older version has them. */
export interface RouteAtVersion {
  /** The body schema to validate with, and the move that makes a valid body the newest; null when unchanged. */
  readonly body: { readonly schema: JsonSchema; readonly forward: Move } | null;
  /** Per status code, the response schema to serialize with and the move that makes the answer; only the changed ones. */
  readonly responses: ReadonlyMap<number, { readonly schema: JsonSchema; readonly backward: Move }>;
}

/**
 * What each version before the newest makes of a route's schemas; only versions that differ for the
 * route are in the map, so an unchanged route costs its requests nothing.
 */
export function routeVersions(
  schema: { body?: unknown; response?: unknown } | undefined,
  changes: readonly VersionChange[],
): Map<ApiVersion, RouteAtVersion> {
  const versions = new Map<ApiVersion, RouteAtVersion>();
  for (const version of API_VERSIONS) {
    const crossed = changesSince(changes, version);
    if (crossed.length === 0) continue;
    const bodySchema = isObject(schema?.body) ? (schema.body as JsonSchema) : null;
    const forward = bodySchema ? mover(bodySchema, crossed, 'forward') : null;
    const body = bodySchema && forward ? { schema: olderSchema(bodySchema, crossed), forward } : null;
    const responses = new Map<number, { schema: JsonSchema; backward: Move }>();
    for (const [code, response] of Object.entries(isObject(schema?.response) ? schema.response : {})) {
      if (!isObject(response)) continue;
      const backward = mover(response, crossed, 'backward');
      if (backward) responses.set(Number(code), { schema: olderSchema(response, crossed), backward });
    }
    if (body || responses.size > 0) versions.set(version, { body, responses });
  }
  return versions;
}
