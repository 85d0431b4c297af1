import { describe, expect, it } from "vitest";
import { CATALOGUES } from "./i18n/messages";
import { buildOpenApiDocument } from "./openapi";
import { catalogueKey, documentText, hasEntry } from "./openapi-texts";
import {
  describeSchema,
  endpointId,
  openApiEndpoints,
  openApiTextUses,
  schemaShape,
} from "./openapi-view";

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

describe("the document's own texts in the guide's language", () => {
  const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
  const uses = openApiTextUses(doc);

  /** Every DocsOpenApi key of a catalogue, dotted. */
  const keysOf = (node: unknown, prefix = ""): string[] =>
    typeof node === "string"
      ? [prefix]
      : Object.entries(node as object).flatMap(([key, value]) =>
          keysOf(value, prefix ? `${prefix}.${key}` : key),
        );

  it("has every summary, description, parameter, field and response in both languages", () => {
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => endpointId(method, path)),
    );
    const summaries = new Set(uses.map((use) => use.keys[0]));
    expect(operations.filter((id) => !summaries.has(`operations.${id}.summary`))).toEqual([]);
    expect(uses.length).toBeGreaterThan(operations.length * 2);

    // An entry counts only while its English is the document's: change a text in lib/openapi.ts
    // and this names it until both languages follow.
    const missing = uses
      .filter((use) => {
        const key = catalogueKey(use.english, use.keys);
        return key === undefined || !hasEntry("pt-BR", key);
      })
      .map((use) => `${use.keys[0]}: ${use.english}`);
    expect(missing).toEqual([]);
  });

  it("keeps no entry the document no longer has", () => {
    const used = new Set(uses.map((use) => catalogueKey(use.english, use.keys)));
    const unused = keysOf(CATALOGUES.en.DocsOpenApi).filter((key) => !used.has(key));
    expect(unused).toEqual([]);
  });

  it("keeps the numbers and the `code` of the English in Portuguese", () => {
    const english = documentText("en");
    const portuguese = documentText("pt-BR");
    const marks = (text: string) => text.match(/\d+|`[^`]+`/g) ?? [];
    const lost = uses.flatMap((use) => {
      const pt = portuguese(use.english, use.keys);
      return marks(english(use.english, use.keys))
        .filter((mark) => !pt.includes(mark))
        .map((mark) => `${use.keys[0]}: ${mark}`);
    });
    expect(lost).toEqual([]);
  });

  it("shows a known endpoint in Portuguese; the document itself stays English", () => {
    const endpoints = (locale: "en" | "pt-BR") =>
      openApiEndpoints(buildOpenApiDocument(), locale).flatMap((group) => group.endpoints);
    const ingest = endpoints("pt-BR").find((e) => e.id === "post-api-events");
    expect(ingest?.summary).toBe("Enviar um evento, um array ou {events: [...]}");
    expect(ingest?.description).toMatch(/^No máximo 1000 eventos e 1 MiB por pedido;/);
    expect(ingest?.body?.[0]?.fields.find((f) => f.name === "release")?.description).toBe(
      "A versão da aplicação que enviou o evento",
    );
    expect(ingest?.responses.find((r) => r.status === "201")?.description).toBe("Guardado");
    expect(ingest?.responses.find((r) => r.status === "404")?.description).toBe(
      "Não existe, ou não é seu",
    );
    const limit = endpoints("pt-BR")
      .find((e) => e.id === "get-api-errors")
      ?.params.find((p) => p.name === "limit");
    expect(limit?.description).toBe("Tamanho da página");

    const english = endpoints("en").find((e) => e.id === "post-api-events");
    const operation = doc.paths["/api/events"]?.post as { summary: string };
    expect(operation.summary).toBe("Ingest one event, an array, or {events: [...]}");
    expect(english?.summary).toBe(operation.summary);
  });

  it("falls back to the document's English for a missing or outdated entry", () => {
    const pt = documentText("pt-BR");
    expect(pt("A new endpoint", ["operations.post-api-new.summary"])).toBe("A new endpoint");
    expect(pt("Ingest events, reworded", ["operations.post-api-events.summary"])).toBe(
      "Ingest events, reworded",
    );
    expect(
      pt("Done; no body", ["operations.delete-api-tokens-id.responses.204", "responses.204"]),
    ).toBe("Feito; sem corpo");
  });
});
