import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  badRequest,
  conflict,
  forbidden,
  notFound,
  parseWith,
  RateLimited,
  Unauthenticated,
  unauthorized,
} from "../domain-errors";
import { invalidParameters } from "../errors/list-query";
import { BodyError } from "../ingest/body";
import { assertJsonContentType, HttpError, httpErrorReply } from "./errors";

const caught = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
};

describe("the HTTP edge maps domain errors to the statuses the API answers", () => {
  it("gives each kind its status, code and message", () => {
    expect(httpErrorReply(notFound("project"))).toEqual({
      status: 404,
      code: "not_found",
      message: "Project not found.",
      headers: {},
    });
    expect(httpErrorReply(forbidden("No."))).toMatchObject({ status: 403, code: "forbidden" });
    expect(httpErrorReply(conflict("Taken."))).toMatchObject({ status: 409, code: "conflict" });
    expect(httpErrorReply(badRequest("Bad."))).toMatchObject({ status: 400, code: "bad_request" });
    const parameters = invalidParameters([{ path: ["limit"], message: "limit is wrong" }]);
    expect(httpErrorReply(parameters)).toMatchObject({
      status: 400,
      code: "invalid_parameter",
      issues: [{ path: ["limit"], message: "limit is wrong" }],
    });
  });

  it("answers field validation with 422 and its issues", () => {
    const error = caught(() => parseWith(z.object({ name: z.string() }), {}));
    expect(httpErrorReply(error)).toMatchObject({
      status: 422,
      code: "validation_failed",
      issues: [{ path: ["name"] }],
    });
  });

  it("challenges API callers, not SDKs", () => {
    expect(httpErrorReply(unauthorized("Who?"))).toMatchObject({
      status: 401,
      headers: { "WWW-Authenticate": 'Bearer realm="error-central"' },
    });
    expect(httpErrorReply(unauthorized("Bad token.", true))?.headers["WWW-Authenticate"]).toBe(
      'Bearer realm="error-central", error="invalid_token"',
    );
    expect(httpErrorReply(new Unauthenticated("Unknown key.", null))).toEqual({
      status: 401,
      code: "unauthorized",
      message: "Unknown key.",
      headers: {},
    });
  });

  it("tells rate-limited clients when to retry; Sentry SDKs get their quota header", () => {
    expect(httpErrorReply(new RateLimited("too_many_logins", "Slow down.", 30))).toEqual({
      status: 429,
      code: "too_many_logins",
      message: "Slow down.",
      headers: { "Retry-After": "30" },
    });
    expect(httpErrorReply(new RateLimited("quota_exceeded", "Over.", 12))?.headers).toEqual({
      "Retry-After": "12",
      "X-Sentry-Rate-Limits": "12:default;error:project:quota_exceeded",
    });
  });

  it("keeps HTTP-only failures and leaves faults to the caller", () => {
    expect(httpErrorReply(caught(() => assertJsonContentType("text/html")))).toMatchObject({
      status: 415,
      code: "unsupported_media_type",
    });
    expect(httpErrorReply(new HttpError(413, "body_too_large", "Big."))?.status).toBe(413);
    expect(httpErrorReply(new BodyError(400, "invalid_json", "Bad JSON."))?.status).toBe(400);
    expect(httpErrorReply(new Error("boom"))).toBeNull();
  });
});

describe("messages follow the request's language; codes, fields and paths do not", () => {
  it("writes a not-found in Portuguese with the same code", () => {
    expect(httpErrorReply(notFound("alertRule"), "pt-BR")).toMatchObject({
      status: 404,
      code: "not_found",
      message: "Regra de alerta não encontrada.",
    });
  });

  it("writes zod's own messages and the summary in Portuguese", () => {
    const schema = z.object({ name: z.string(), age: z.number() });
    const error = caught(() => parseWith(schema, {}));
    const english = httpErrorReply(error);
    const portuguese = httpErrorReply(error, "pt-BR");
    expect(english?.message).toBe(
      "name: Invalid input: expected string, received undefined (and 1 more)",
    );
    expect(portuguese).toMatchObject({ status: 422, code: "validation_failed" });
    expect(portuguese?.issues?.map((issue) => issue.path)).toEqual([["name"], ["age"]]);
    expect(portuguese?.message).toMatch(
      /^name: Entrada inválida: esperava um texto.* \(e mais 1 problema\)$/,
    );
  });
});
