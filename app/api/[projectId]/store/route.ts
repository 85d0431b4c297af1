import { sentryHandlers } from "@/lib/ingest-routes";

const handlers = sentryHandlers("store");

export const POST = handlers.post;
export const OPTIONS = handlers.options;
