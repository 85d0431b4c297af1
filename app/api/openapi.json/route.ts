import { buildOpenApiDocument } from "@/lib/openapi";
import { publicBaseUrl } from "@/lib/public-url";

export function GET(request: Request): Response {
  return Response.json(buildOpenApiDocument(publicBaseUrl(request)), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
