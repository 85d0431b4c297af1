/**
 * A readable view of the OpenAPI document for the API guide: endpoints grouped by area, with
 * their parameters, body fields and constraints in words. Built from buildOpenApiDocument() at
 * render time, so the guide cannot drift from /api/openapi.json.
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

const GROUP_TITLES: Record<string, string> = {
  health: "Service",
  "openapi.json": "Service",
  auth: "Accounts and tokens",
  tokens: "Accounts and tokens",
  events: "Events",
  errors: "Errors",
  projects: "Projects, ingest keys and members",
};

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** JSON Schema bounds that only say "any safe integer" are noise to a reader. */
const isNoiseBound = (value: unknown) =>
  typeof value === "number" && Math.abs(value) >= Number.MAX_SAFE_INTEGER;

function range(min: unknown, max: unknown, unit: string): string | null {
  const lo = typeof min === "number" ? min : null;
  const hi = typeof max === "number" ? max : null;
  if (lo !== null && hi !== null)
    return lo === hi ? `exactly ${lo} ${unit}` : `${lo}–${hi} ${unit}`;
  if (hi !== null) return `at most ${hi} ${unit}`;
  if (lo !== null) return `at least ${lo} ${unit}`;
  return null;
}

interface Described {
  type: string;
  constraints: string[];
}

/** A schema in words: its type ("string", "array of integer") and its bounds. */
export function describeSchema(schema: unknown): Described {
  if (!isObject(schema)) return { type: "any", constraints: [] };
  const constraints: string[] = [];
  const push = (text: string | null) => {
    if (text) constraints.push(text);
  };

  const branches = asArray(schema.anyOf ?? schema.oneOf);
  if (branches.length > 0) {
    const parts = branches.map((branch) => {
      const d = describeSchema(branch);
      return d.constraints.length > 0 ? `${d.type} (${d.constraints.join(", ")})` : d.type;
    });
    return { type: parts.join(" or "), constraints };
  }

  let type = Array.isArray(schema.type)
    ? schema.type.join(" or ")
    : typeof schema.type === "string"
      ? schema.type
      : "any";

  if (Array.isArray(schema.enum)) {
    push(`one of: ${schema.enum.map(String).join(", ")}`);
  }
  if (type === "string" || type.includes("string")) {
    push(range(schema.minLength, schema.maxLength, "characters"));
    if (typeof schema.pattern === "string") push(`matches ${schema.pattern}`);
    if (typeof schema.format === "string") push(`format: ${schema.format}`);
  }
  if (type === "integer" || type === "number") {
    if (typeof schema.exclusiveMinimum === "number") push(`> ${schema.exclusiveMinimum}`);
    if (typeof schema.minimum === "number" && !isNoiseBound(schema.minimum))
      push(`≥ ${schema.minimum}`);
    if (typeof schema.maximum === "number" && !isNoiseBound(schema.maximum))
      push(`≤ ${schema.maximum}`);
  }
  if (type === "array") {
    const items = describeSchema(schema.items);
    type = `array of ${items.type}`;
    push(range(schema.minItems, schema.maxItems, "items"));
    constraints.push(...items.constraints.map((c) => `each ${c}`));
  }
  if (type === "object" && isObject(schema.additionalProperties)) {
    const values = describeSchema(schema.additionalProperties);
    type = `object of ${values.type}`;
    if (isObject(schema.propertyNames)) {
      push(
        range(
          schema.propertyNames.minLength,
          schema.propertyNames.maxLength,
          "characters",
        )?.replace(/^/, "keys ") ?? null,
      );
    }
    constraints.push(...values.constraints.map((c) => `values ${c}`));
  }
  if (schema.default !== undefined) push(`default ${JSON.stringify(schema.default)}`);
  if (Array.isArray(schema.examples) && schema.examples.length > 0)
    push(`e.g. ${String(schema.examples[0])}`);
  return { type, constraints };
}

function objectFields(schema: Json): FieldView[] {
  const required = new Set(asArray(schema.required).map(String));
  const properties = isObject(schema.properties) ? schema.properties : {};
  return Object.entries(properties).map(([name, property]) => {
    const { type, constraints } = describeSchema(property);
    return {
      name,
      required: required.has(name),
      type,
      constraints,
      description:
        isObject(property) && typeof property.description === "string"
          ? property.description
          : undefined,
    };
  });
}

/** Request body variants: "one object", "an array of those", "{events: [...]}"… */
function bodyVariants(schema: unknown): BodyVariantView[] {
  if (!isObject(schema)) return [];
  const branches = asArray(schema.oneOf ?? schema.anyOf);
  if (branches.length === 0) return [{ label: "JSON object", fields: objectFields(schema) }];
  const seen = new Map<string, number>();
  return branches.filter(isObject).map((branch, index) => {
    const prefix = `Variant ${index + 1}: `;
    if (branch.type === "array") {
      const same = seen.get(JSON.stringify(branch.items));
      const bounds = range(branch.minItems, branch.maxItems, "items");
      if (same !== undefined) {
        return {
          label: `${prefix}an array of ${bounds ?? "items"}, each like variant ${same + 1}`,
          fields: [],
        };
      }
      return {
        label: `${prefix}an array (${bounds ?? "any length"})`,
        fields: isObject(branch.items) ? objectFields(branch.items) : [],
      };
    }
    const properties = isObject(branch.properties) ? branch.properties : {};
    const keys = Object.keys(properties);
    const only = keys.length === 1 ? properties[keys[0] as string] : undefined;
    if (isObject(only) && only.type === "array") {
      const same = seen.get(JSON.stringify(only.items));
      if (same !== undefined) {
        const bounds = range(only.minItems, only.maxItems, "items");
        return {
          label: `${prefix}{${keys[0]}: [...]} with ${bounds ?? "items"}, each like variant ${same + 1}`,
          fields: [],
        };
      }
    }
    seen.set(JSON.stringify(branch), index);
    return { label: `${prefix}one JSON object`, fields: objectFields(branch) };
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
export function openApiEndpoints(document: Json): EndpointGroupView[] {
  const groups = new Map<string, EndpointGroupView>();
  const paths = isObject(document.paths) ? document.paths : {};
  const globalSecurity = asArray(document.security);
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const segment = path.split("/")[2] ?? "";
    const title = GROUP_TITLES[segment] ?? segment;
    const groupId = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const group = groups.get(groupId) ?? { id: groupId, title, endpoints: [] };
    groups.set(groupId, group);
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const security = operation.security ?? globalSecurity;
      const params: ParamView[] = asArray(operation.parameters)
        .filter(isObject)
        .map((param) => {
          const { type, constraints } = describeSchema(param.schema);
          return {
            name: String(param.name),
            in: String(param.in),
            required: param.required === true,
            type,
            constraints,
            description: typeof param.description === "string" ? param.description : undefined,
          };
        });
      const requestBody = isObject(operation.requestBody) ? operation.requestBody : null;
      const responses = isObject(operation.responses) ? operation.responses : {};
      group.endpoints.push({
        id: endpointId(method, path),
        method: method.toUpperCase(),
        path,
        summary: String(operation.summary ?? ""),
        description: typeof operation.description === "string" ? operation.description : undefined,
        isPublic: asArray(security).length === 0,
        params,
        body: requestBody ? bodyVariants(jsonSchemaOf(requestBody.content)) : null,
        responses: Object.entries(responses).map(([status, response]) => {
          const r = isObject(response) ? response : {};
          const schema = jsonSchemaOf(r.content);
          return {
            status,
            description: String(r.description ?? ""),
            shape: schema && status.startsWith("2") ? schemaShape(schema) : undefined,
          };
        }),
      });
    }
  }
  return [...groups.values()].filter((group) => group.endpoints.length > 0);
}
