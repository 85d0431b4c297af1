import { nativeEventsPost } from "@/lib/ingest-routes";

export const POST = nativeEventsPost;
