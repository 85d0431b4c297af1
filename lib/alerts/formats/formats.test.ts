import { describe, expect, it } from "vitest";
import {
  discordProblems,
  slackProblems,
  teamsProblems,
  webhookProblems,
} from "@/tests/support/alert-shapes";
import { sampleContext } from "@/tests/support/alerts";
import { discordBody } from "./discord";
import { emailPayload } from "./email";
import { slackBody } from "./slack";
import { teamsBody } from "./teams";
import { alertTitle, escapeSlack, fitText, parseAlertContext, truncate } from "./text";
import type { AlertItem, AlertKind, AlertMessage } from "./types";
import { signWebhook, verifyWebhookSignature, webhookBody, webhookPayload } from "./webhook";

const project = { id: 7, name: "Shop & <Co>", slug: "shop" };
const BASE = "https://errors.example.com";
const sentAt = new Date("2026-03-02T12:00:00.000Z");

const SETTINGS = `${BASE}/settings?project=shop#alerts`;

/** An alert as the worker builds it: a test has no error and links to the settings. */
function item(
  kind: AlertKind = "newError",
  context: Record<string, unknown> = {},
  id = 12,
): AlertItem {
  const errorId = kind === "test" ? null : id;
  return {
    kind,
    errorId,
    context: parseAlertContext(sampleContext(context)),
    links: { error: errorId === null ? SETTINGS : `${BASE}/errors/${errorId}`, settings: SETTINGS },
  };
}

const single = (i: AlertItem): AlertMessage => ({ type: "single", project, item: i, sentAt });
const digest = (n: number): AlertMessage => ({
  type: "digest",
  project,
  items: Array.from({ length: n }, (_, i) =>
    item(i % 2 ? "regression" : "newError", { title: `Error number ${i} <b>&</b>` }, 100 + i),
  ),
  links: { settings: `${BASE}/settings?project=shop#alerts` },
  sentAt,
});

const HOSTILE = "<@U123> <!channel> & **bold** @everyone [x](https://evil.example) `code` # h1";
const KINDS: AlertKind[] = ["newError", "regression", "escalation", "frequency", "test"];
const REGRESSION = {
  reason: {
    reason: "regression",
    resolution: "inNextRelease",
    resolvedAt: "2026-02-01T09:00:00.000Z",
    resolvedInRelease: "shop@2.4.0",
    release: "shop@2.4.1",
  },
};

describe("the generic webhook body", () => {
  it("is version 1 with the project, the error and its link, for every kind", () => {
    for (const kind of KINDS) {
      const body = webhookBody(
        single(item(kind, kind === "frequency" ? { frequency: { count: 100, minutes: 5 } } : {})),
      );
      expect(webhookProblems(body)).toEqual([]);
      expect(body).toMatchObject({
        version: 1,
        kind,
        project: { id: 7, name: "Shop & <Co>", slug: "shop" },
        error: {
          id: kind === "test" ? null : 12,
          title: "TypeError: Cannot read properties of undefined (reading 'id')",
          level: "error",
          environment: "production",
          origin: "checkout-api",
          count: 42,
          firstSeen: "2026-03-01T10:00:00.000Z",
          lastSeen: "2026-03-02T11:30:00.000Z",
          release: "shop@2.4.1",
          url: kind === "test" ? SETTINGS : `${BASE}/errors/12`,
        },
        sentAt: "2026-03-02T12:00:00.000Z",
      });
    }
  });

  it("carries the reason of a regression and the window of a frequency alert, only then", () => {
    expect(webhookBody(single(item("regression", REGRESSION))).reason).toEqual(REGRESSION.reason);
    // Account ids of this instance stay inside.
    const withUser = { reason: { ...REGRESSION.reason, resolvedByUserId: 3 } };
    expect(webhookBody(single(item("regression", withUser))).reason).toEqual(REGRESSION.reason);
    const frequency = webhookBody(
      single(item("frequency", { frequency: { count: 100, minutes: 5 } })),
    );
    expect(frequency.frequency).toEqual({ count: 100, minutes: 5 });
    const plain = webhookBody(single(item("newError")));
    expect("reason" in plain).toBe(false);
    expect("frequency" in plain).toBe(false);
  });

  it("lists a digest's errors with their kinds", () => {
    const body = webhookBody(digest(3));
    expect(webhookProblems(body)).toEqual([]);
    expect(body.kind).toBe("digest");
    expect((body.errors as { kind: string; id: number }[]).map((e) => [e.kind, e.id])).toEqual([
      ["newError", 100],
      ["regression", 101],
      ["newError", 102],
    ]);
  });

  it("is signed over timestamp.body with the secret, so a receiver can refuse a replay", () => {
    const timestamp = Math.floor(sentAt.getTime() / 1000);
    const payload = webhookPayload(single(item()), { secret: "s3cret", timestamp });
    const header = payload.headers["X-Error-Central-Signature"] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(header).toBe(signWebhook("s3cret", timestamp, payload.body));
    expect(verifyWebhookSignature(header, payload.body, "s3cret", { now: sentAt })).toBe(true);
    expect(verifyWebhookSignature(header, `${payload.body} `, "s3cret", { now: sentAt })).toBe(
      false,
    );
    expect(verifyWebhookSignature(header, payload.body, "other", { now: sentAt })).toBe(false);
    // Ten minutes later the same request is a replay.
    const later = new Date(sentAt.getTime() + 600_000);
    expect(verifyWebhookSignature(header, payload.body, "s3cret", { now: later })).toBe(false);
    expect(payload.headers["X-Error-Central-Event"]).toBe("newError");
  });

  it("is not signed without a secret", () => {
    const payload = webhookPayload(single(item()), { secret: null, timestamp: 1 });
    expect(payload.headers["X-Error-Central-Signature"]).toBeUndefined();
  });
});

describe("Slack", () => {
  it("is Block Kit within its limits, with the link to the error, for every kind", () => {
    for (const kind of KINDS) {
      const body = slackBody(single(item(kind, REGRESSION)));
      expect(slackProblems(body)).toEqual([]);
      expect(JSON.stringify(body)).toContain(kind === "test" ? SETTINGS : `${BASE}/errors/12`);
    }
  });

  it("escapes &, < and > in user text, so it makes no mention, link or broadcast", () => {
    const body = slackBody(single(item("newError", { title: HOSTILE, environment: "<!here>" })));
    const json = JSON.stringify(body);
    expect(json).not.toContain("<@U123>");
    expect(json).not.toContain("<!channel>");
    expect(json).not.toContain("<!here>");
    expect(json).toContain("&lt;@U123&gt; &lt;!channel&gt; &amp;");
    expect(body.text).toContain("Shop &amp; &lt;Co&gt;");
  });

  it("cuts a long title and lists at most 20 errors of a digest", () => {
    const long = slackBody(
      single(item("newError", { title: "é&".repeat(5000), culprit: "x".repeat(9000) })),
    );
    expect(slackProblems(long)).toEqual([]);
    const body = slackBody(digest(30));
    expect(slackProblems(body)).toEqual([]);
    expect(JSON.stringify(body)).toContain("…and 10 more.");
    expect(JSON.stringify(body)).toContain("*30 alerts*");
  });
});

describe("Discord", () => {
  it("is an embed within Discord's limits, for every kind", () => {
    for (const kind of KINDS) {
      const body = discordBody(single(item(kind, REGRESSION)));
      expect(discordProblems(body)).toEqual([]);
      expect(body.embeds[0]?.url).toBe(kind === "test" ? SETTINGS : `${BASE}/errors/12`);
      expect(body.allowed_mentions).toEqual({ parse: [] });
    }
  });

  it("escapes Markdown and never pings", () => {
    const body = discordBody(single(item("newError", { title: HOSTILE })));
    const title = body.embeds[0]?.title as string;
    expect(title).not.toContain("**bold**");
    expect(title).toContain("\\*\\*bold\\*\\*");
    expect(title).toContain("\\@everyone");
    expect(title).toContain("\\[x\\]\\(https://evil\\.example\\)");
  });

  it("keeps huge text and big digests within the limits", () => {
    const huge = "💥".repeat(5000);
    const body = discordBody(
      single(
        item("regression", {
          title: huge,
          culprit: huge,
          origin: huge,
          environment: huge,
          release: huge,
        }),
      ),
    );
    expect(discordProblems(body)).toEqual([]);
    const title = body.embeds[0]?.title as string;
    expect(title.endsWith("…")).toBe(true);
    expect(title.isWellFormed()).toBe(true);
    const many = discordBody(digest(200));
    expect(discordProblems(many)).toEqual([]);
    expect(many.embeds[0]?.description).toMatch(/…and \d+ more\.$/);
  });
});

describe("Microsoft Teams", () => {
  it("is an Adaptive Card 1.4 in a Workflows message, for every kind", () => {
    for (const kind of KINDS) {
      const body = teamsBody(single(item(kind, REGRESSION)));
      expect(teamsProblems(body)).toEqual([]);
      const card = body.attachments[0]?.content;
      expect(card?.actions[0]?.url).toBe(kind === "test" ? SETTINGS : `${BASE}/errors/12`);
    }
  });

  it("puts user text in TextRuns, which are never Markdown, so it shows as typed", () => {
    const body = teamsBody(single(item("newError", { title: HOSTILE })));
    const card = body.attachments[0]?.content as {
      body: { type: string; inlines?: { text: string }[] }[];
    };
    const runs = card.body.flatMap((element) => element.inlines ?? []).map((run) => run.text);
    expect(runs).toContain(HOSTILE);
    expect(card.body.every((element) => element.type === "RichTextBlock")).toBe(true);
    expect(teamsProblems(teamsBody(digest(40)))).toEqual([]);
  });
});

describe("email", () => {
  it("has the subject, a text part and an HTML part with the link, everything escaped", () => {
    const email = emailPayload(
      single(item("newError", { title: "<script>alert(1)</script> & co" })),
    );
    expect(email.subject).toBe(
      "[Error Central] New error in Shop & <Co>: <script>alert(1)</script> & co",
    );
    expect(email.text).toContain("<script>alert(1)</script> & co");
    expect(email.text).toContain(`${BASE}/errors/12`);
    expect(email.text).toContain("Environment: production");
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
    expect(email.html).toContain(`href="${BASE}/errors/12"`);
    expect(email.html).toContain("Shop &amp; &lt;Co&gt;");
  });

  it("keeps the subject on one line and short", () => {
    const email = emailPayload(
      single(item("newError", { title: `a\r\nBcc: x@example.com\n${"y".repeat(500)}` })),
    );
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject.length).toBeLessThanOrEqual(200);
  });

  it("says why a regression or an escalation fired", () => {
    expect(emailPayload(single(item("regression", REGRESSION))).text).toContain(
      "It was resolved on 1 Feb 2026, 09:00 UTC for the release after shop@2.4.0 and happened again in release shop@2.4.1.",
    );
    const escalation = emailPayload(
      single(
        item("escalation", {
          reason: {
            reason: "escalation",
            archivedAt: "2026-02-01T09:00:00.000Z",
            condition: { untilRate: { count: 50, minutes: 60 } },
            eventsSinceArchived: 75,
          },
        }),
      ),
    );
    expect(escalation.text).toContain(
      "until 50 events within 60 minutes, and that was reached (75 events since)",
    );
    expect(emailPayload(digest(3)).subject).toBe(
      "[Error Central] 3 alerts in Shop & <Co>: Error number 0 <b>&</b>; Error number 1 <b>&</b>; Error number 2 <b>&</b>",
    );
  });
});

describe("in the rule's language (pt-BR)", () => {
  const pt = (message: AlertMessage): AlertMessage => ({ ...message, locale: "pt-BR" });

  it("writes the email in Portuguese: subject, facts, reason, buttons and footer", () => {
    const email = emailPayload(pt(single(item("regression", REGRESSION))));
    expect(email.subject).toBe(
      "[Error Central] Regressão em Shop & <Co>: TypeError: Cannot read properties of undefined (reading 'id')",
    );
    expect(email.text).toContain("Ambiente: production");
    expect(email.text).toContain("Eventos: 42");
    expect(email.text).toContain("Primeira ocorrência: 1 de mar. de 2026, 10:00 UTC");
    expect(email.text).toContain(
      "Foi resolvido em 1 de fev. de 2026, 09:00 UTC para a release seguinte à shop@2.4.0 e aconteceu de novo na release shop@2.4.1.",
    );
    expect(email.text).toContain(`Abra no Error Central: ${BASE}/errors/12`);
    expect(email.text).toContain("Você recebe isto porque uma regra de alerta de Shop & <Co>");
    expect(email.html).toContain('<html lang="pt-BR">');
    expect(email.html).toContain(">Abrir no Error Central</a>");
    expect(email.html).toContain("Configurações de alerta</a>");
    const digestEmail = emailPayload(pt(digest(3)));
    expect(digestEmail.subject).toMatch(/^\[Error Central\] 3 alertas em Shop & <Co>: /);
    expect(digestEmail.text).toContain("Enviados juntos em vez de um e-mail para cada.");
    expect(digestEmail.text).toContain("Novo erro · error · production · 42 eventos");
  });

  it("writes an escalation, a frequency alert and a test in Portuguese", () => {
    const escalation = emailPayload(
      pt(
        single(
          item("escalation", {
            reason: {
              reason: "escalation",
              archivedAt: "2026-02-01T09:00:00.000Z",
              condition: { untilEvents: 1 },
              eventsSinceArchived: 1,
            },
          }),
        ),
      ),
    );
    expect(escalation.text).toContain(
      "Foi arquivado em 1 de fev. de 2026, 09:00 UTC até mais 1 evento, e isso foi alcançado (1 evento desde então).",
    );
    const frequency = emailPayload(
      pt(single(item("frequency", { frequency: { count: 1500, minutes: 1 } }))),
    );
    expect(frequency.text).toContain("Mais de 1.500 eventos em 1 minuto.");
    expect(emailPayload(pt(single(item("test")))).subject).toMatch(
      /^\[Error Central\] Alerta de teste para Shop & <Co>: /,
    );
  });

  it("writes Slack, Discord and Teams messages in Portuguese, within their shapes", () => {
    const message = pt(single(item("newError")));
    const slack = slackBody(message);
    expect(slackProblems(slack)).toEqual([]);
    expect(JSON.stringify(slack)).toContain("*Novo erro* em *Shop &amp; &lt;Co&gt;*");
    expect(JSON.stringify(slack)).toContain("Abrir no Error Central");
    expect(JSON.stringify(slackBody(pt(digest(3))))).toContain(
      "*3 alertas* em *Shop &amp; &lt;Co&gt;*, enviados juntos em vez de uma mensagem para cada",
    );
    const discord = discordBody(message);
    expect(discordProblems(discord)).toEqual([]);
    expect(discord.content).toMatch(/^\*\*Novo erro\*\* em /);
    expect(discord.embeds[0]?.fields.map((field) => field.name)).toContain("Nível");
    const teams = teamsBody(message);
    expect(teamsProblems(teams)).toEqual([]);
    expect(JSON.stringify(teams)).toContain("Abrir no Error Central");
  });

  it("keeps the webhook's JSON field names in any language", () => {
    const english = webhookBody(single(item("regression", REGRESSION)));
    const portuguese = webhookBody(pt(single(item("regression", REGRESSION))));
    expect(portuguese).toEqual(english);
  });
});

describe("cutting text", () => {
  it("never splits a surrogate pair nor an escape", () => {
    expect(truncate("ab💥cd", 4)).toBe("ab…");
    expect(truncate("short", 10)).toBe("short");
    const cut = fitText("&&&&&&&&&&", 12, escapeSlack);
    expect(cut.length).toBeLessThanOrEqual(12);
    expect(cut).toMatch(/^(&amp;)+…$/);
    expect(fitText("&&", 12, escapeSlack)).toBe("&amp;&amp;");
  });

  it("reads an odd context without failing", () => {
    expect(parseAlertContext(null)).toMatchObject({
      title: null,
      level: "error",
      count: null,
    });
    expect(parseAlertContext({ title: 3, count: "9", frequency: { count: 1 } })).toMatchObject({
      title: null,
      count: null,
      frequency: null,
    });
  });

  it("shows an untitled error in the message's language; the webhook's JSON stays English", () => {
    const untitled = (): AlertItem => ({
      ...item(),
      context: parseAlertContext({ level: "error" }),
    });
    expect(alertTitle(untitled().context)).toBe("(untitled error)");
    expect(alertTitle(untitled().context, "pt-BR")).toBe("(erro sem título)");
    expect(emailPayload(single(untitled())).text).toContain("(untitled error)");
    const portuguese: AlertMessage = { ...single(untitled()), locale: "pt-BR" };
    expect(emailPayload(portuguese).text).toContain("(erro sem título)");
    expect(JSON.stringify(slackBody(portuguese))).toContain("(erro sem título)");
    // Discord escapes the parentheses (Markdown).
    expect(discordBody(portuguese).embeds[0]?.title).toBe("\\(erro sem título\\)");
    expect(JSON.stringify(teamsBody(portuguese))).toContain("(erro sem título)");
    expect(webhookBody(portuguese)).toMatchObject({ error: { title: "(untitled error)" } });
  });
});
