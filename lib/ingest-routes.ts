import { deliverAlertsAfter } from "./alerts/after";
import { toErrorResponse } from "./api";
import { toWebResponse } from "./ingest/http";
import { handleNativeIngest } from "./ingest/native-ingest";
import { handleSentryIngest, type SentryRequest, sentryPreflight } from "./ingest/sentry-ingest";

// Next route handlers for the ingest paths: the same framework-free core the Node server's fast
// path calls, so that both doors answer alike. A stored event may have fired alert rules: on a
// host without `npm start`'s loop (Vercel) they go out after the response (deliverAlertsAfter).

const toIngestRequest = (request: Request) => ({
  header: (name: string) => request.headers.get(name),
  query: new URL(request.url).searchParams,
  body: request.body,
});

export async function nativeEventsPost(request: Request): Promise<Response> {
  try {
    const response = toWebResponse(await handleNativeIngest(toIngestRequest(request)));
    if (response.ok) deliverAlertsAfter();
    return response;
  } catch (error) {
    return toErrorResponse(error, request);
  }
}

export function sentryHandlers(kind: SentryRequest["kind"]) {
  return {
    post: async (request: Request, context: { params: Promise<{ projectId: string }> }) => {
      try {
        const { projectId } = await context.params;
        const response = toWebResponse(
          await handleSentryIngest({ ...toIngestRequest(request), kind, projectId }),
        );
        if (response.ok) deliverAlertsAfter();
        return response;
      } catch (error) {
        return toErrorResponse(error, request);
      }
    },
    options: async () => toWebResponse(sentryPreflight()),
  };
}
