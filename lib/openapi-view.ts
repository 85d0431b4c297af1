import { DEFAULT_LOCALE, type Locale } from "./i18n/config";
import { type MessageValues, serverTranslator } from "./i18n/server-messages";
import { type DocumentText, documentText } from "./openapi-texts";

/**
 * A readable view of the OpenAPI document for the API guide: endpoints grouped by area, with
 * their parameters, body fields and constraints in words, all in the page's language (the
 * document's own summaries and descriptions from the docs catalogue, see openapi-texts.ts).
 * Built from buildOpenApiDocument() at render time, so the guide cannot drift from
 * /api/openapi.json, which stays English.
 */
type Json = Record<string, unknown>;

export interface FieldView {
  name: string;
  required: boolean;
  type: string;
  constraints: string[];
  description?: string;
}

export interface ParamView extends FieldView {
  in: string;
}

export interface BodyVariantView {
  label: string;
  fields: FieldView[];
}

export interface ResponseView {
  status: string;
  description: string;
  shape?: string;
}

export interface EndpointView {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  isPublic: boolean;
  params: ParamView[];
  body: BodyVariantView[] | null;
  responses: ResponseView[];
}

export interface EndpointGroupView {
  id: string;
  title: string;
  endpoints: EndpointView[];
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** The API area of a path's first segment (`/api/<segment>/…`); its id is also its title's key. */
const GROUPS: Record<string, GroupId> = {
  health: "service",
  "openapi.json": "service",
  auth: "accounts",
  tokens: "accounts",
  account: "account",
  events: "events",
  errors: "errors",
  "{projectId}": "sentry",
  cron: "cron",
  projects: "projects",
  invitations: "invitations",
};

type GroupId =
  | "service"
  | "accounts"
  | "account"
  | "events"
  | "errors"
  | "sentry"
  | "cron"
  | "projects"
  | "invitations";

/** The words of the view in one language (DocsSchema in the docs catalogue). */
type Words = (key: string, values?: MessageValues) => string;

function wordsIn(locale: Locale): Words {
  const t = serverTranslator(locale) as (key: string, values?: MessageValues) => string;
  return (key, values) => t(`DocsSchema.${key}`, values);
}

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** JSON Schema bounds that only say "any safe integer" are noise to a reader. */
const isNoiseBound = (value: unknown) =>
  typeof value === "number" && Math.abs(value) >= Number.MAX_SAFE_INTEGER;

// Bounds are written as digits ("1–1000"), in every language: they are the schema's numbers.
function range(w: Words, min: unknown, max: unknown, unit: "characters" | "items"): string | null {
  const lo = typeof min === "number" ? String(min) : null;
  const hi = typeof max === "number" ? String(max) : null;
  if (lo !== null && hi !== null)
    return lo === hi ? w("exactly", { count: lo, unit }) : w("between", { min: lo, max: hi, unit });
  if (hi !== null) return w("atMost", { max: hi, unit });
  if (lo !== null) return w("atLeast", { min: lo, unit });
  return null;
}

const or = (w: Words, parts: string[]) =>
  parts.reduce((first, second) => w("or", { first, second }));

interface Described {
  type: string;
  constraints: string[];
}

/** A schema in words: its type ("string", "array of integer") and its bounds. */
export function describeSchema(schema: unknown, locale: Locale = DEFAULT_LOCALE): Described {
  return describeIn(wordsIn(locale), schema);
}

function describeIn(w: Words, schema: unknown): Described {
  if (!isObject(schema)) return { type: "any", constraints: [] };
  const constraints: string[] = [];
  const push = (text: string | null) => {
    if (text) constraints.push(text);
  };

  const branches = asArray(schema.anyOf ?? schema.oneOf);
  if (branches.length > 0) {
    const parts = branches.map((branch) => {
      const d = describeIn(w, branch);
      return d.constraints.length > 0 ? `${d.type} (${d.constraints.join(", ")})` : d.type;
    });
    return { type: or(w, parts), constraints };
  }

  // JSON Schema's type names (string, integer, object…) are the same in every language.
  const types: string[] = Array.isArray(schema.type)
    ? schema.type.map(String)
    : [typeof schema.type === "string" ? schema.type : "any"];
  let type = or(w, types);

  if (Array.isArray(schema.enum)) {
    push(w("oneOf", { values: schema.enum.map(String).join(", ") }));
  }
  if (types.includes("string")) {
    push(range(w, schema.minLength, schema.maxLength, "characters"));
    if (typeof schema.pattern === "string") push(w("matches", { pattern: schema.pattern }));
    if (typeof schema.format === "string") push(w("format", { format: schema.format }));
  }
  if (type === "integer" || type === "number") {
    if (typeof schema.exclusiveMinimum === "number") push(`> ${schema.exclusiveMinimum}`);
    if (typeof schema.minimum === "number" && !isNoiseBound(schema.minimum))
      push(`≥ ${schema.minimum}`);
    if (typeof schema.maximum === "number" && !isNoiseBound(schema.maximum))
      push(`≤ ${schema.maximum}`);
  }
  if (type === "array") {
    const items = describeIn(w, schema.items);
    type = w("arrayOf", { type: items.type });
    push(range(w, schema.minItems, schema.maxItems, "items"));
    constraints.push(...items.constraints.map((constraint) => w("each", { constraint })));
  }
  if (type === "object" && isObject(schema.additionalProperties)) {
    const values = describeIn(w, schema.additionalProperties);
    type = w("objectOf", { type: values.type });
    if (isObject(schema.propertyNames)) {
      const keys = range(
        w,
        schema.propertyNames.minLength,
        schema.propertyNames.maxLength,
        "characters",
      );
      if (keys) push(w("keys", { constraint: keys }));
    }
    constraints.push(...values.constraints.map((constraint) => w("values", { constraint })));
  }
  if (schema.default !== undefined) push(w("default", { value: JSON.stringify(schema.default) }));
  if (Array.isArray(schema.examples) && schema.examples.length > 0)
    push(w("example", { value: String(schema.examples[0]) }));
  return { type, constraints };
}

/**
 * The words of one operation: the view's own, and the document's, found under the operation's
 * key (`operations.<id>.<key>`) or, when `shared`, under `key` itself (the common responses).
 */
interface OperationWords {
  w: Words;
  text: (english: unknown, key: string, shared?: boolean) => string | undefined;
}

function objectFields({ w, text }: OperationWords, schema: Json): FieldView[] {
  const required = new Set(asArray(schema.required).map(String));
  const properties = isObject(schema.properties) ? schema.properties : {};
  return Object.entries(properties).map(([name, property]) => {
    const { type, constraints } = describeIn(w, property);
    return {
      name,
      required: required.has(name),
      type,
      constraints,
      description: isObject(property) ? text(property.description, `fields.${name}`) : undefined,
    };
  });
}

/** Request body variants: "one object", "an array of those", "{events: [...]}"… */
function bodyVariants(words: OperationWords, schema: unknown): BodyVariantView[] {
  const { w } = words;
  if (!isObject(schema)) return [];
  const branches = asArray(schema.oneOf ?? schema.anyOf);
  if (branches.length === 0)
    return [{ label: w("jsonObject"), fields: objectFields(words, schema) }];
  const seen = new Map<string, number>();
  return branches.filter(isObject).map((branch, index) => {
    const label = (text: string) => w("variant", { index: String(index + 1), text });
    if (branch.type === "array") {
      const same = seen.get(JSON.stringify(branch.items));
      const bounds = range(w, branch.minItems, branch.maxItems, "items");
      if (same !== undefined) {
        return {
          label: label(w("arrayLike", { bounds: bounds ?? w("items"), same: String(same + 1) })),
          fields: [],
        };
      }
      return {
        label: label(w("array", { bounds: bounds ?? w("anyLength") })),
        fields: isObject(branch.items) ? objectFields(words, branch.items) : [],
      };
    }
    const properties = isObject(branch.properties) ? branch.properties : {};
    const keys = Object.keys(properties);
    const only = keys.length === 1 ? properties[keys[0] as string] : undefined;
    if (isObject(only) && only.type === "array") {
      const same = seen.get(JSON.stringify(only.items));
      if (same !== undefined) {
        const bounds = range(w, only.minItems, only.maxItems, "items");
        return {
          label: label(
            w("wrappedLike", {
              wrapped: `{${keys[0]}: [...]}`,
              bounds: bounds ?? w("items"),
              same: String(same + 1),
            }),
          ),
          fields: [],
        };
      }
    }
    seen.set(JSON.stringify(branch), index);
    return { label: label(w("oneObject")), fields: objectFields(words, branch) };
  });
}

/** `{items: [{id, title, …}], nextCursor}`: the top of a response body, two levels deep. */
export function schemaShape(schema: unknown, depth = 0): string {
  if (!isObject(schema)) return "…";
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop() ?? "…";
  if (schema.type === "array") return `[${schemaShape(schema.items, depth)}]`;
  const branches = asArray(schema.anyOf ?? schema.oneOf);
  if (branches.length > 0) {
    const objectBranch = branches.find((b) => isObject(b) && b.type !== "null");
    return schemaShape(objectBranch, depth);
  }
  if (schema.type === "object" && isObject(schema.properties)) {
    if (depth >= 2) return "{…}";
    const inner = Object.entries(schema.properties).map(([key, value]) => {
      const nested =
        isObject(value) &&
        (value.type === "object" ||
          value.type === "array" ||
          asArray(value.anyOf).some((b) => isObject(b) && b.type === "object"));
      return nested ? `${key}: ${schemaShape(value, depth + 1)}` : key;
    });
    return `{${inner.join(", ")}}`;
  }
  return typeof schema.type === "string" ? schema.type : "…";
}

function jsonSchemaOf(content: unknown): unknown {
  if (!isObject(content)) return undefined;
  const media = content["application/json"];
  return isObject(media) ? media.schema : undefined;
}

export function endpointId(method: string, path: string): string {
  return `${method}-${path}`
    .toLowerCase()
    .replace(/[{}]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Every operation of the document, grouped by the API area its path belongs to. */
export function openApiEndpoints(
  document: Json,
  locale: Locale = DEFAULT_LOCALE,
): EndpointGroupView[] {
  return endpointsView(document, wordsIn(locale), documentText(locale));
}

/** A text of the document the guide shows, and the catalogue keys that may hold it. */
export interface DocumentTextUse {
  english: string;
  keys: string[];
}

/** Every text of the document the guide shows, with its keys (what the catalogue must hold). */
export function openApiTextUses(document: Json): DocumentTextUse[] {
  const uses: DocumentTextUse[] = [];
  endpointsView(document, wordsIn(DEFAULT_LOCALE), (english, keys) => {
    uses.push({ english, keys });
    return english;
  });
  return uses;
}

function endpointsView(document: Json, w: Words, documentWords: DocumentText): EndpointGroupView[] {
  const groups = new Map<string, EndpointGroupView>();
  const paths = isObject(document.paths) ? document.paths : {};
  const globalSecurity = asArray(document.security);
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const segment = path.split("/")[2] ?? "";
    const known = Object.hasOwn(GROUPS, segment) ? GROUPS[segment] : undefined;
    const groupId = known ?? segment.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const title = known ? w(`groups.${known}`) : segment;
    const group = groups.get(groupId) ?? { id: groupId, title, endpoints: [] };
    groups.set(groupId, group);
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const id = endpointId(method, path);
      const words: OperationWords = {
        w,
        text: (english, key, shared) =>
          typeof english === "string" && english !== ""
            ? documentWords(english, [`operations.${id}.${key}`, ...(shared ? [key] : [])])
            : undefined,
      };
      const security = operation.security ?? globalSecurity;
      const params: ParamView[] = asArray(operation.parameters)
        .filter(isObject)
        .map((param) => {
          const { type, constraints } = describeIn(w, param.schema);
          return {
            name: String(param.name),
            in: String(param.in),
            required: param.required === true,
            type,
            constraints,
            description: words.text(param.description, `params.${String(param.name)}`),
          };
        });
      const requestBody = isObject(operation.requestBody) ? operation.requestBody : null;
      const responses = isObject(operation.responses) ? operation.responses : {};
      group.endpoints.push({
        id,
        method: method.toUpperCase(),
        path,
        summary: words.text(operation.summary, "summary") ?? "",
        description: words.text(operation.description, "description"),
        isPublic: asArray(security).length === 0,
        params,
        body: requestBody ? bodyVariants(words, jsonSchemaOf(requestBody.content)) : null,
        responses: Object.entries(responses).map(([status, response]) => {
          const r = isObject(response) ? response : {};
          const schema = jsonSchemaOf(r.content);
          return {
            status,
            description: words.text(r.description, `responses.${status}`, true) ?? "",
            shape: schema && status.startsWith("2") ? schemaShape(schema) : undefined,
          };
        }),
      });
    }
  }
  return [...groups.values()].filter((group) => group.endpoints.length > 0);
}
