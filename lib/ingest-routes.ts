import { toErrorResponse } from "./api";
import { toWebResponse } from "./ingest/http";
import { handleNativeIngest } from "./ingest/native-ingest";
import { handleSentryIngest, type SentryRequest, sentryPreflight } from "./ingest/sentry-ingest";

// Next route handlers for the ingest paths: the same framework-free core the Node server's fast
// path calls, so that both doors answer alike.

const toIngestRequest = (request: Request) => ({
  header: (name: string) => request.headers.get(name),
  query: new URL(request.url).searchParams,
  body: request.body,
});

export async function nativeEventsPost(request: Request): Promise<Response> {
  try {
    return toWebResponse(await handleNativeIngest(toIngestRequest(request)));
  } catch (error) {
    return toErrorResponse(error);
  }
}

export function sentryHandlers(kind: SentryRequest["kind"]) {
  return {
    post: async (request: Request, context: { params: Promise<{ projectId: string }> }) => {
      try {
        const { projectId } = await context.params;
        return toWebResponse(
          await handleSentryIngest({ ...toIngestRequest(request), kind, projectId }),
        );
      } catch (error) {
        return toErrorResponse(error);
      }
    },
    options: async () => toWebResponse(sentryPreflight()),
  };
}
