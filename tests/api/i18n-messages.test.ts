import { describe, expect, it } from "vitest";
import { api, signUp } from "../support/api";
import { envelope, postEnvelope } from "../support/sentry";

const PT = { "accept-language": "pt-BR,pt;q=0.9,en;q=0.5" };

describe("API messages follow Accept-Language; codes, fields and paths do not", () => {
  it("a 422 validation: the same code and issue paths, the message in Portuguese", async () => {
    const account = await signUp();
    const json = { name: "", eventsPerMinute: 0 };
    const path = `/api/projects/${account.project.id}`;
    const en = await api(path, { method: "PATCH", token: account.token, json });
    const pt = await api(path, { method: "PATCH", token: account.token, json, headers: PT });
    expect(en.status).toBe(422);
    expect(pt.status).toBe(422);
    expect(pt.body.error.code).toBe(en.body.error.code);
    expect(pt.body.error.code).toBe("validation_failed");
    expect(pt.body.error.issues.map((i: { path: unknown }) => i.path)).toEqual(
      en.body.error.issues.map((i: { path: unknown }) => i.path),
    );
    expect(en.body.error.message).toBe("name: Name is required. (and 1 more)");
    expect(pt.body.error.message).toBe("name: Informe o nome. (e mais 1 problema)");
    expect(pt.body.error.issues[1].message).toBe("eventsPerMinute deve ser pelo menos 1");
  });

  it("zod's own messages too (a wrong type)", async () => {
    const account = await signUp();
    const res = await api("/api/account", {
      method: "PATCH",
      token: account.token,
      json: { locale: "en", theme: "dark" },
      headers: { "accept-language": "pt" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.issues[0].path).toEqual([]);
    expect(res.body.error.message).toBe('Chave inválida: "theme"');
  });

  it("a 404", async () => {
    const account = await signUp();
    const en = await api("/api/errors/999999999", { token: account.token });
    const pt = await api("/api/errors/999999999", { token: account.token, headers: PT });
    expect(en.status).toBe(404);
    expect(pt.status).toBe(404);
    expect(en.body.error).toEqual({ code: "not_found", message: "Error not found." });
    expect(pt.body.error).toEqual({ code: "not_found", message: "Erro não encontrado." });
  });

  it("a 401, and the ingest door's too", async () => {
    const pt = await api("/api/projects", { headers: PT });
    expect(pt.status).toBe(401);
    expect(pt.headers.get("www-authenticate")).toBe('Bearer realm="error-central"');
    expect(pt.body.error).toEqual({
      code: "unauthorized",
      message: 'Autenticação necessária: envie "Authorization: Bearer <token>".',
    });
    const ingest = await api("/api/events", {
      json: { title: "x" },
      token: "ec_not-a-token",
      headers: PT,
    });
    expect(ingest.status).toBe(401);
    expect(ingest.body.error).toEqual({ code: "unauthorized", message: "O token não é válido." });
  });

  it("an ingest body's issues, per event, in Portuguese", async () => {
    const account = await signUp();
    const events = [{ title: "ok" }, { title: "", tags: ["x"] }];
    const en = await api("/api/events", {
      token: account.project.ingestKey.key,
      json: { events },
    });
    const pt = await api("/api/events", {
      token: account.project.ingestKey.key,
      json: { events },
      headers: PT,
    });
    expect(en.status).toBe(422);
    expect(pt.status).toBe(422);
    expect(pt.body.error.code).toBe("validation_failed");
    expect(en.body.error.issues).toEqual([
      { path: ["events", 1, "title"], message: "title must not be empty" },
      { path: ["events", 1, "tags"], message: "tags must be an object of string values" },
    ]);
    expect(pt.body.error.issues).toEqual([
      { path: ["events", 1, "title"], message: "title não pode ser vazio" },
      { path: ["events", 1, "tags"], message: "tags deve ser um objeto de valores em texto" },
    ]);
    expect(pt.body.error.message).toBe(
      "events.1.title: title não pode ser vazio (e mais 1 problema)",
    );
  });

  it("an alert rule's language: accepted, returned, defaulting to the creator's", async () => {
    const account = await signUp();
    const path = `/api/projects/${account.project.id}/alert-rules`;
    const rule = {
      name: "Mail me",
      triggers: ["newError"],
      channels: [{ type: "email", to: ["ops@example.test"] }],
    };
    const english = await api(path, { token: account.token, json: rule });
    expect(english.status).toBe(201);
    expect(english.body.locale).toBe("en");
    const chosen = await api(path, { token: account.token, json: { ...rule, locale: "pt-BR" } });
    expect(chosen.body.locale).toBe("pt-BR");
    await api("/api/account", { method: "PATCH", token: account.token, json: { locale: "pt-BR" } });
    const inherited = await api(path, { token: account.token, json: rule });
    expect(inherited.body.locale).toBe("pt-BR");
    const changed = await api(`${path}/${inherited.body.id}`, {
      method: "PATCH",
      token: account.token,
      json: { locale: "en" },
    });
    expect(changed.body.locale).toBe("en");
    const wrong = await api(path, { token: account.token, json: { ...rule, locale: "fr" } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.issues[0]).toEqual({
      path: ["locale"],
      message: "locale must be one of en, pt-BR.",
    });
  });

  it("a bad list parameter: the same code and path, the message in Portuguese", async () => {
    const account = await signUp();
    const path = "/api/errors?sort=newest&tag=browser";
    const en = await api(path, { token: account.token });
    const pt = await api(path, { token: account.token, headers: PT });
    expect(en.status).toBe(400);
    expect(pt.status).toBe(400);
    expect(pt.body.error.code).toBe(en.body.error.code);
    expect(pt.body.error.code).toBe("invalid_parameter");
    expect(en.body.error.message).toBe('tag must be "key:value"');
    expect(pt.body.error.message).toBe('tag deve estar no formato "key:value"');
    expect(pt.body.error.issues).toEqual([
      { path: ["tag"], message: 'tag deve estar no formato "key:value"' },
      { path: ["sort"], message: "sort deve ser um de: frequency, level, lastSeen, firstSeen" },
    ]);
    expect(pt.body.error.issues.map((i: { path: unknown }) => i.path)).toEqual(
      en.body.error.issues.map((i: { path: unknown }) => i.path),
    );

    const tag = await api(`/api/errors?tag=${encodeURIComponent("a=b:c")}`, {
      token: account.token,
      headers: PT,
    });
    expect(tag.body.error).toMatchObject({
      code: "invalid_parameter",
      message: 'a chave de uma tag não pode conter ":" nem "="',
    });
    const page = await api(`/api/projects/${account.project.id}/releases?limit=0`, {
      token: account.token,
      headers: PT,
    });
    expect(page.status).toBe(400);
    expect(page.body.error.message).toMatch(/^limit deve ser um número inteiro de 1 a \d+$/);
  });

  it("a malformed Sentry envelope and an event item that is no event, in Portuguese", async () => {
    const account = await signUp();
    const truncated = envelope({}, [{ header: { type: "event", length: 500 }, payload: "{}" }]);
    const en = await postEnvelope(account, truncated);
    const pt = await postEnvelope(account, truncated, PT);
    expect(en.status).toBe(400);
    expect(pt.status).toBe(400);
    expect(pt.body.error.code).toBe(en.body.error.code);
    expect(pt.body.error.code).toBe("invalid_envelope");
    expect(en.body.error.message).toBe(
      'Malformed envelope: item 0 payload is truncated: "length" is 500 but 3 bytes remain',
    );
    expect(pt.body.error.message).toBe(
      'Envelope malformado: o conteúdo do item 0 está truncado: "length" é 500, mas restam 3 bytes',
    );
    // SDKs log X-Sentry-Error: the same words in ASCII, through either door.
    expect(pt.headers.get("x-sentry-error")).toBe(
      'Envelope malformado: o conteudo do item 0 esta truncado: "length" e 500, mas restam 3 bytes',
    );
    expect(en.headers.get("x-sentry-error")).toBe(en.body.error.message);

    const header = await postEnvelope(account, "not json\n", PT);
    expect(header.body.error).toEqual({
      code: "invalid_envelope",
      message: "Envelope malformado: o cabeçalho do envelope não é um JSON válido",
    });
    const notAnEvent = await postEnvelope(
      account,
      envelope({}, [{ header: { type: "event" }, payload: "[1, 2]" }]),
      PT,
    );
    expect(notAnEvent.status).toBe(400);
    expect(notAnEvent.body.error).toEqual({
      code: "invalid_event",
      message: "um evento do Sentry deve ser um objeto JSON",
    });
  });

  it("English for languages it does not speak", async () => {
    const res = await api("/api/projects", { headers: { "accept-language": "fr-FR, de" } });
    expect(res.body.error.message).toBe(
      'Authentication required: send "Authorization: Bearer <token>".',
    );
  });
});
