import { sentryRoute } from "@/lib/sentry-route";

export const { POST, OPTIONS } = sentryRoute("envelope");
