import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as schemas from "@/lib/schemas/responses";
import { api } from "../support/api";
import { listApiRoutes } from "../support/routes";

function conforms(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success ? [] : result.error.issues, JSON.stringify(value).slice(0, 500)).toEqual(
    [],
  );
}

describe("GET /api/openapi.json", () => {
  it("is public OpenAPI 3.1", async () => {
    const res = await api("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(res.body.components.securitySchemes.bearer.scheme).toBe("bearer");
  });

  it("documents every route handler and method, and nothing else", async () => {
    const { body } = await api("/api/openapi.json");
    const documented = Object.entries(body.paths as Record<string, object>)
      .map(
        ([path, ops]) =>
          `${path} ${Object.keys(ops)
            .map((m) => m.toUpperCase())
            .sort()
            .join(",")}`,
      )
      .sort();
    const implemented = listApiRoutes()
      .filter((route) => !route.path.startsWith("/api/auth/{...")) // Auth.js's own endpoints
      .map((route) => `${route.path} ${[...route.methods].sort().join(",")}`)
      .sort();
    expect(documented).toEqual(implemented);
  });

  it("describes the request bodies the routes validate", async () => {
    const { body } = await api("/api/openapi.json");
    const signup =
      body.paths["/api/auth/signup"].post.requestBody.content["application/json"].schema;
    expect(signup.required.sort()).toEqual(["email", "name", "password"]);
    expect(signup.properties.name.maxLength).toBe(50);
    expect(signup.properties.password.minLength).toBe(8);
    const events = body.paths["/api/events"].post.requestBody.content["application/json"].schema;
    expect(events.oneOf[0].required).toEqual(["title"]);
    expect(events.oneOf[0].properties.level.enum).toEqual([
      "fatal",
      "error",
      "warning",
      "info",
      "debug",
    ]);
  });
});

describe("real answers match the documented response schemas", () => {
  it("for sign-up, token, ingest, list, detail, events and errors", async () => {
    const signup = await api("/api/auth/signup", {
      json: {
        name: "Schema",
        email: `schema-${Date.now()}-${Math.random()}@example.test`,
        password: "long enough password",
      },
    });
    conforms(schemas.signupResponseSchema, signup.body);
    const token = signup.body.token;

    const issued = await api("/api/auth/token", {
      json: { email: signup.body.user.email, password: "long enough password" },
    });
    conforms(schemas.tokenResponseSchema, issued.body);

    const ingest = await api("/api/events", {
      token: signup.body.project.ingestKey.key,
      json: {
        events: [
          { title: "Schema check", details: "x", tags: { a: "b" } },
          { title: "Schema check" },
        ],
      },
    });
    expect(ingest.status).toBe(201);
    conforms(schemas.ingestResponseSchema, ingest.body);

    const list = await api("/api/errors", { token });
    conforms(schemas.errorListSchema, list.body);
    const id = list.body.items[0].id;
    conforms(schemas.errorDetailSchema, (await api(`/api/errors/${id}`, { token })).body);
    const events = await api(`/api/errors/${id}/events`, { token });
    conforms(schemas.eventListSchema, events.body);
    conforms(
      schemas.eventSchema,
      (await api(`/api/events/${events.body.items[0].id}`, { token })).body,
    );
    conforms(
      schemas.bulkResultSchema,
      (await api("/api/errors/bulk", { token, json: { ids: [id], action: "archive" } })).body,
    );
    conforms(schemas.personalTokenSchema.array(), (await api("/api/tokens", { token })).body.items);
    conforms(schemas.errorBodySchema, (await api("/api/errors/abc", { token })).body);
    conforms(
      schemas.errorBodySchema,
      (await api("/api/events", { token, json: { events: [] } })).body,
    );
    conforms(schemas.healthSchema, (await api("/api/health")).body);
  });
});

describe("authentication on every protected route", () => {
  it("answers 401 without credentials", async () => {
    const open = new Set([
      "/api/health",
      "/api/openapi.json",
      "/api/auth/signup",
      "/api/auth/token",
    ]);
    const routes = listApiRoutes().filter(
      (route) => !open.has(route.path) && !route.path.startsWith("/api/auth/{..."),
    );
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const path = route.path.replace(/\{\w+\}/g, (name) =>
        name === "{keyId}" ? "00000000-0000-4000-8000-000000000000" : "1",
      );
      for (const method of route.methods) {
        const res = await api(path, {
          method,
          json: method === "GET" || method === "DELETE" ? undefined : {},
        });
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    }
  });
});
