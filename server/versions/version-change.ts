/**
 * What one version change is: the schemas whose shape it changed (by their `title`, wherever they occur
 * in a request body or a response), and how a value crosses it each way. As in Stripe's and Cadwyn's
 * designs, handlers know only the newest shapes: a request of an older version is moved forward across
 * every later change before validation against the newest schema, and an answer is moved back across
 * them before it is serialized with the older version's schema.
 */
import type { ApiVersion } from './api-versions.ts';

/** A JSON schema as TypeBox makes it; only its structure is read. */
export type JsonSchema = Readonly<Record<string, unknown>>;
export type JsonObject = Record<string, unknown>;

export interface SchemaChange {
  /** The schema as versions before the change had it, from the schema after it. */
  readonly older: (newer: JsonSchema) => JsonSchema;
  /** A value of the older schema as the newer one has it (request bodies). Returns a new object. */
  readonly forward: (value: JsonObject) => JsonObject;
  /** A value of the newer schema as the older one had it (responses). Returns a new object. */
  readonly backward: (value: JsonObject) => JsonObject;
}

export interface VersionChange {
  /** The version that brought the change in: every version before it sees the older shape. */
  readonly version: ApiVersion;
  /** One sentence, for the changelog at GET /v1/versions. */
  readonly description: string;
  /** The schemas it changed, by title. */
  readonly schemas: Readonly<Record<string, SchemaChange>>;
}

/** A property that versions before the change call `older`, and later ones `newer`. */
export function renamedProperty(newer: string, older: string): SchemaChange {
  const rename = (value: JsonObject, from: string, to: string): JsonObject => {
    if (!(from in value)) return value;
    const renamed: JsonObject = {};
    for (const key in value) renamed[key === from ? to : key] = value[key];
    return renamed;
  };
  return {
    older(schema) {
      const properties = schema.properties as Record<string, unknown> | undefined;
      if (!properties || !(newer in properties))
        throw new Error(`renamedProperty: the schema ${String(schema.title)} has no property ${newer}`);
      const required = schema.required as string[] | undefined;
      return {
        ...schema,
        properties: rename(properties, newer, older),
        ...(required && { required: required.map((name) => (name === newer ? older : name)) }),
      };
    },
    forward: (value) => rename(value, older, newer),
    backward: (value) => rename(value, newer, older),
  };
}
