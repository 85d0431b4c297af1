/**
 * Each vendor's documented message shape and limits, as checks a receiver runs on what it got.
 * Each returns the problems found (empty: the body is what the vendor accepts).
 * - Slack incoming webhooks: `text` (fallback) plus Block Kit `blocks` (≤ 50); a section's
 *   text ≤ 3000, ≤ 10 fields of ≤ 2000; context ≤ 10 elements; a button's text ≤ 75, url ≤ 3000.
 * - Discord execute webhook: `content` ≤ 2000, ≤ 10 embeds; embed title ≤ 256, description
 *   ≤ 4096, ≤ 25 fields (name ≤ 256, value ≤ 1024), footer ≤ 2048, all text ≤ 6000; color an
 *   integer; timestamp ISO 8601.
 * - Teams Workflows: `{type: "message", attachments: [{contentType:
 *   "application/vnd.microsoft.card.adaptive", content: AdaptiveCard}]}`.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function textObject(value: unknown, where: string, max: number, problems: string[]) {
  if (!isObject(value) || (value.type !== "mrkdwn" && value.type !== "plain_text")) {
    problems.push(`${where}: not a text object`);
    return;
  }
  if (typeof value.text !== "string" || value.text.length === 0)
    problems.push(`${where}: empty text`);
  else if (value.text.length > max)
    problems.push(`${where}: ${value.text.length} > ${max} characters`);
}

export function slackProblems(body: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(body)) return ["body is not an object"];
  if (typeof body.text !== "string" || body.text === "") problems.push("text: missing fallback");
  const blocks = body.blocks;
  if (!Array.isArray(blocks) || blocks.length === 0) return [...problems, "blocks: missing"];
  if (blocks.length > 50) problems.push(`blocks: ${blocks.length} > 50`);
  for (const [i, block] of blocks.entries()) {
    const where = `blocks[${i}]`;
    if (!isObject(block)) {
      problems.push(`${where}: not an object`);
      continue;
    }
    switch (block.type) {
      case "section": {
        if (block.text === undefined && block.fields === undefined)
          problems.push(`${where}: a section needs text or fields`);
        if (block.text !== undefined) textObject(block.text, `${where}.text`, 3000, problems);
        if (block.fields !== undefined) {
          const fields = block.fields as unknown[];
          if (!Array.isArray(fields) || fields.length > 10) problems.push(`${where}.fields: > 10`);
          else
            for (const [j, f] of fields.entries())
              textObject(f, `${where}.fields[${j}]`, 2000, problems);
        }
        break;
      }
      case "context": {
        const elements = block.elements as unknown[];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10)
          problems.push(`${where}.elements: 1 to 10 expected`);
        else
          for (const [j, e] of elements.entries())
            textObject(e, `${where}.elements[${j}]`, 3000, problems);
        break;
      }
      case "actions": {
        const elements = block.elements as Json[];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25)
          problems.push(`${where}.elements: 1 to 25 expected`);
        else
          for (const [j, e] of elements.entries()) {
            if (e.type !== "button") problems.push(`${where}.elements[${j}]: not a button`);
            textObject(e.text, `${where}.elements[${j}].text`, 75, problems);
            if ((e.text as Json | undefined)?.type !== "plain_text")
              problems.push(`${where}.elements[${j}].text: buttons take plain_text`);
            if (typeof e.url !== "string" || e.url.length > 3000 || !URL.canParse(e.url))
              problems.push(`${where}.elements[${j}].url: not a URL of ≤ 3000`);
          }
        break;
      }
      case "divider":
        break;
      case "header":
        textObject(block.text, `${where}.text`, 150, problems);
        break;
      default:
        problems.push(`${where}: unexpected block type ${String(block.type)}`);
    }
  }
  return problems;
}

export function discordProblems(body: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(body)) return ["body is not an object"];
  if (
    body.content !== undefined &&
    (typeof body.content !== "string" || body.content.length > 2000)
  )
    problems.push("content: > 2000 characters");
  const embeds = body.embeds as Json[];
  if (!Array.isArray(embeds) || embeds.length === 0 || embeds.length > 10)
    return [...problems, "embeds: 1 to 10 expected"];
  let total = 0;
  const measure = (value: unknown, where: string, max: number) => {
    if (value === undefined) return;
    if (typeof value !== "string") return problems.push(`${where}: not a string`);
    if (value.length > max) problems.push(`${where}: ${value.length} > ${max}`);
    total += value.length;
  };
  embeds.forEach((embed, i) => {
    const where = `embeds[${i}]`;
    measure(embed.title, `${where}.title`, 256);
    measure(embed.description, `${where}.description`, 4096);
    if (embed.url !== undefined && (typeof embed.url !== "string" || !URL.canParse(embed.url)))
      problems.push(`${where}.url: not a URL`);
    if (
      embed.color !== undefined &&
      !(
        Number.isInteger(embed.color) &&
        (embed.color as number) >= 0 &&
        (embed.color as number) <= 0xffffff
      )
    )
      problems.push(`${where}.color: not a 24-bit integer`);
    if (
      embed.timestamp !== undefined &&
      (typeof embed.timestamp !== "string" || Number.isNaN(Date.parse(embed.timestamp)))
    )
      problems.push(`${where}.timestamp: not ISO 8601`);
    const fields = (embed.fields ?? []) as Json[];
    if (!Array.isArray(fields) || fields.length > 25) problems.push(`${where}.fields: > 25`);
    else
      fields.forEach((field, j) => {
        measure(field.name, `${where}.fields[${j}].name`, 256);
        measure(field.value, `${where}.fields[${j}].value`, 1024);
        if (!field.name || !field.value)
          problems.push(`${where}.fields[${j}]: empty name or value`);
      });
    measure((embed.footer as Json | undefined)?.text, `${where}.footer.text`, 2048);
  });
  if (total > 6000) problems.push(`embeds: ${total} > 6000 characters in all`);
  return problems;
}

const CARD_ELEMENTS = new Set(["TextBlock", "RichTextBlock", "FactSet", "Container", "ColumnSet"]);

export function teamsProblems(body: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(body)) return ["body is not an object"];
  if (body.type !== "message") problems.push('type: "message" expected');
  const attachments = body.attachments as Json[];
  if (!Array.isArray(attachments) || attachments.length !== 1)
    return [...problems, "attachments: one expected"];
  const attachment = attachments[0] as Json;
  if (attachment.contentType !== "application/vnd.microsoft.card.adaptive")
    problems.push("attachments[0].contentType: not an Adaptive Card");
  const card = attachment.content as Json;
  if (!isObject(card) || card.type !== "AdaptiveCard")
    return [...problems, "attachments[0].content: not an AdaptiveCard"];
  if (card.version !== "1.4") problems.push(`version: ${String(card.version)}, 1.4 expected`);
  const elements = card.body as Json[];
  if (!Array.isArray(elements) || elements.length === 0) problems.push("body: empty");
  else
    elements.forEach((element, i) => {
      if (!CARD_ELEMENTS.has(String(element.type)))
        problems.push(`body[${i}]: unexpected element ${String(element.type)}`);
      if (element.type === "RichTextBlock") {
        const inlines = element.inlines as Json[];
        if (!Array.isArray(inlines) || inlines.length === 0)
          problems.push(`body[${i}]: no inlines`);
        else
          for (const inline of inlines)
            if (inline.type !== "TextRun" || typeof inline.text !== "string")
              problems.push(`body[${i}]: inlines must be TextRuns`);
      }
    });
  const actions = card.actions as Json[];
  if (!Array.isArray(actions) || actions.length === 0) problems.push("actions: none");
  else
    for (const action of actions)
      if (
        action.type !== "Action.OpenUrl" ||
        typeof action.url !== "string" ||
        !URL.canParse(action.url)
      )
        problems.push("actions: Action.OpenUrl with a URL expected");
  if (JSON.stringify(body).length > 28 * 1024) problems.push("message: over 28 KB");
  return problems;
}

/** The generic webhook's version 1 body (docs/alerts.md). */
export function webhookProblems(body: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(body)) return ["body is not an object"];
  if (body.version !== 1) problems.push("version: 1 expected");
  const project = body.project as Json;
  if (
    !isObject(project) ||
    typeof project.id !== "number" ||
    typeof project.name !== "string" ||
    typeof project.slug !== "string"
  )
    problems.push("project: {id, name, slug} expected");
  if (typeof body.sentAt !== "string" || Number.isNaN(Date.parse(body.sentAt)))
    problems.push("sentAt: not a time");
  const errorShape = (error: Json, where: string) => {
    for (const key of ["title", "level"])
      if (typeof error[key] !== "string") problems.push(`${where}.${key}: not a string`);
    for (const key of [
      "id",
      "environment",
      "origin",
      "culprit",
      "count",
      "firstSeen",
      "lastSeen",
      "release",
      "url",
    ])
      if (!(key in error)) problems.push(`${where}.${key}: missing`);
    if (typeof error.url !== "string" || !URL.canParse(error.url))
      problems.push(`${where}.url: not a URL`);
  };
  if (body.kind === "digest") {
    const errors = body.errors as Json[];
    if (!Array.isArray(errors) || errors.length === 0) problems.push("errors: empty");
    else
      errors.forEach((error, i) => {
        errorShape(error, `errors[${i}]`);
        if (typeof error.kind !== "string") problems.push(`errors[${i}].kind: missing`);
      });
  } else {
    if (!["newError", "regression", "escalation", "frequency", "test"].includes(String(body.kind)))
      problems.push(`kind: unexpected ${String(body.kind)}`);
    if (!isObject(body.error)) problems.push("error: missing");
    else errorShape(body.error, "error");
  }
  return problems;
}
