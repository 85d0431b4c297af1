import { sentryRoute } from "@/lib/ingest-routes";

export const { POST, OPTIONS } = sentryRoute("envelope");
