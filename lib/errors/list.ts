import type { DbOrTx } from "@/db/client";
import { listErrors } from "@/db/queries/error-groups";
import { foldTagDeltas } from "@/db/queries/error-tags";
import { invalidCursor, type ListErrorsQuery } from "./list-query";

export type ErrorListPage = NonNullable<Awaited<ReturnType<typeof listErrors>>>;

/** One page of a project's error list; a cursor that is not ours is a 400 naming it. */
export async function listErrorPage(
  db: DbOrTx,
  input: { projectId: number; userId: number; query: ListErrorsQuery },
): Promise<ErrorListPage> {
  // A tag filter reads the tag counters: the counts of batches committed before it count.
  if (input.query.tag) await foldTagDeltas(db);
  const page = await listErrors(db, input);
  if (!page) throw invalidCursor();
  return page;
}
