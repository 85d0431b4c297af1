import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { describeSchema, endpointId, openApiEndpoints, schemaShape } from "./openapi-view";

describe("openApiEndpoints", () => {
  const groups = openApiEndpoints(buildOpenApiDocument());
  const all = groups.flatMap((group) => group.endpoints);
  const find = (method: string, path: string) =>
    all.find((e) => e.method === method && e.path === path);

  it("lists every operation of the document once", () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const count = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(all).toHaveLength(count);
    expect(new Set(all.map((e) => e.id)).size).toBe(count);
  });

  it("describes the ingest body with its variants and field constraints", () => {
    const ingest = find("POST", "/api/events");
    expect(ingest?.isPublic).toBe(false);
    expect(ingest?.body).toHaveLength(3);
    const title = ingest?.body?.[0]?.fields.find((f) => f.name === "title");
    expect(title).toMatchObject({ required: true, type: "string" });
    expect(title?.constraints).toContain("1–255 characters");
    expect(ingest?.body?.[1]?.label).toMatch(/1–1000 items, each like variant 1/);
    expect(ingest?.responses.find((r) => r.status === "201")?.shape).toBe(
      "{events: [{id, errorId}]}",
    );
  });

  it("groups by API area with stable ids, and titles in the page's language", () => {
    const ids = groups.map((group) => group.id);
    expect(ids).toEqual(expect.arrayContaining(["service", "accounts", "events", "sentry"]));
    expect(groups.find((group) => group.id === "projects")?.title).toBe(
      "Projects, ingest keys and members",
    );
    const portuguese = openApiEndpoints(buildOpenApiDocument(), "pt-BR");
    expect(portuguese.map((group) => group.id)).toEqual(ids);
    expect(portuguese.find((group) => group.id === "projects")?.title).toBe(
      "Projetos, chaves de ingestão e membros",
    );
  });

  it("writes bounds and variants in Portuguese; types, names and numbers stay", () => {
    const all = openApiEndpoints(buildOpenApiDocument(), "pt-BR").flatMap((g) => g.endpoints);
    const ingest = all.find((e) => e.method === "POST" && e.path === "/api/events");
    const title = ingest?.body?.[0]?.fields.find((f) => f.name === "title");
    expect(title).toMatchObject({ required: true, type: "string" });
    expect(title?.constraints).toContain("1–255 caracteres");
    expect(ingest?.body?.[0]?.label).toBe("Variante 1: um objeto JSON");
    expect(ingest?.body?.[1]?.label).toBe(
      "Variante 2: um array de 1–1000 itens, cada um como a variante 1",
    );
    const limit = all
      .find((e) => e.method === "GET" && e.path === "/api/errors")
      ?.params.find((p) => p.name === "limit");
    expect(limit?.constraints).toEqual(["≥ 1", "≤ 100", "padrão 25"]);
  });

  it("marks public routes and describes query parameters", () => {
    expect(find("GET", "/api/health")?.isPublic).toBe(true);
    const limit = find("GET", "/api/errors")?.params.find((p) => p.name === "limit");
    expect(limit).toMatchObject({ in: "query", type: "integer" });
    expect(limit?.constraints).toEqual(["≥ 1", "≤ 100", "default 25"]);
  });
});

describe("describeSchema", () => {
  it("joins alternatives and hides safe-integer bounds", () => {
    const d = describeSchema({
      anyOf: [
        { type: "integer", exclusiveMinimum: 0, maximum: Number.MAX_SAFE_INTEGER },
        { type: "string", maxLength: 5 },
      ],
    });
    expect(d.type).toBe("integer (> 0) or string (at most 5 characters)");
    expect(
      describeSchema({ type: "array", items: { type: "string", maxLength: 5 } }, "pt-BR"),
    ).toEqual({ type: "array de string", constraints: ["cada item: no máximo 5 caracteres"] });
  });
});

it("schemaShape and endpointId", () => {
  expect(schemaShape({ type: "object", properties: { a: { type: "string" } } })).toBe("{a}");
  expect(endpointId("delete", "/api/projects/{id}/keys/{keyId}")).toBe(
    "delete-api-projects-id-keys-keyid",
  );
});
