import type { IngestProject } from "@/db/queries/ingest";
import type { StoredEventRef } from "@/db/queries/ingest-write";
import { getDb } from "@/lib/db";
import { forbidden, notFound, Unauthenticated, validationError } from "../domain-errors";
import { inParseLocale, message, render } from "../i18n/server-messages";
import { resolveIngestProject, resolveUserIngestProjects } from "./key-cache";
import { normalizeNativeEvent } from "./native";
import { parseEventBatch } from "./native-batch";
import { chargeQuota } from "./quota";
import { GroupCommitWriter } from "./writer";

export interface IngestCaller {
  kind: "ingest" | "personal" | "session";
  userId: number;
  tokenId: string | null;
  /** The ingest key's project. */
  projectId: number | null;
}

const KEY = Symbol.for("error-central.writer");
const globals = globalThis as Record<symbol, GroupCommitWriter | undefined>;

/** The writer's background work done now, at shutdown (nothing when no writer was made). */
export async function settleIngestWriter(): Promise<void> {
  await globals[KEY]?.settle();
}

/** One writer per process, shared by the Next route handlers and the plain Node server. */
export function getWriter(): GroupCommitWriter {
  let writer = globals[KEY];
  if (!writer) {
    writer = new GroupCommitWriter(getDb);
    globals[KEY] = writer;
  }
  return writer;
}

/** By id, or by slug case-insensitively as the projects routes do (slugs are stored lower-case). */
function matchProject(projects: IngestProject[], ref: number | string): IngestProject | undefined {
  return projects.find((project) =>
    typeof ref === "number"
      ? project.id === ref
      : project.slug === ref.toLowerCase() || String(project.id) === ref,
  );
}

/**
 * `POST /api/events`: validates a batch (one event, an array or `{events}`), decides each
 * event's project from the caller, groups, and stores the batch whole.
 */
export async function ingestNativeEvents(
  body: unknown,
  caller: IngestCaller,
  now = new Date(),
): Promise<StoredEventRef[]> {
  const parsed = parseEventBatch(body);
  if (!parsed.ok) {
    // Zod writes its messages as they are read, so a parse in another language is a new parse.
    const issues = parsed.issues;
    throw validationError(issues, (locale) =>
      inParseLocale(locale, () => {
        const again = parseEventBatch(body);
        return (again.ok ? issues : again.issues).map((one) =>
          one.text ? { path: one.path, message: render(one.text, locale) } : one,
        );
      }),
    );
  }

  let projects: IngestProject[];
  if (caller.kind === "ingest") {
    const project = caller.projectId === null ? null : await resolveIngestProject(caller.projectId);
    if (!project) throw new Unauthenticated(message("ServerIngest.projectGone"), null);
    projects = [project];
  } else {
    projects = await resolveUserIngestProjects(caller.userId);
    if (projects.length === 0) throw notFound("project");
  }
  const fallback = projects[0] as IngestProject;

  const perProject = new Map<IngestProject, number>();
  const items = parsed.events.map((input) => {
    let project = fallback;
    if (input.project !== undefined) {
      const match = matchProject(projects, input.project);
      if (!match) {
        if (caller.kind === "ingest") throw forbidden(message("ServerIngest.ownProjectOnly"));
        throw notFound("project");
      }
      project = match;
    }
    perProject.set(project, (perProject.get(project) ?? 0) + 1);
    return {
      projectId: project.id,
      userId: caller.userId,
      tokenId: caller.tokenId,
      event: normalizeNativeEvent(input, { defaultOrigin: project.slug, now }),
      alertRules: project.alertRules,
    };
  });
  for (const [project, count] of perProject) await chargeQuota(project, count);
  return getWriter().write(items);
}
