import { json, readJson, withToken } from "@/lib/api";
import { ingestNativeEvents } from "@/lib/ingest/service";

const MAX_EVENTS_BODY_BYTES = 1024 * 1024;

export const POST = withToken(
  async (request, { auth }) => {
    const body = await readJson(request, MAX_EVENTS_BODY_BYTES);
    const refs = await ingestNativeEvents(body, auth);
    return json({ events: refs }, 201);
  },
  { allow: ["ingest", "personal"] },
);
