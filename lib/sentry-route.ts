import { toErrorResponse } from "./api";
import { handleSentryIngest, type SentryRequest, sentryPreflight } from "./ingest/sentry-ingest";

/** Next route handlers for the Sentry endpoints, over the framework-free core. */
export function sentryRoute(kind: SentryRequest["kind"]) {
  const POST = async (request: Request, context: { params: Promise<{ projectId: string }> }) => {
    try {
      const { projectId } = await context.params;
      const result = await handleSentryIngest({
        kind,
        projectId,
        header: (name) => request.headers.get(name),
        query: new URL(request.url).searchParams,
        body: request.body,
      });
      return new Response(result.body, { status: result.status, headers: result.headers });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
  const OPTIONS = async () => {
    const result = sentryPreflight();
    return new Response(null, { status: result.status, headers: result.headers });
  };
  return { POST, OPTIONS };
}
