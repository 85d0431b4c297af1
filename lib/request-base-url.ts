import { headers } from "next/headers";
import { publicBaseUrl } from "./public-url";

/**
 * Where applications reach this server, for DSNs and examples in pages and server actions:
 * PUBLIC_URL, else the host the request came in on (first hop when proxies chained it).
 */
export async function requestBaseUrl(): Promise<string> {
  const h = await headers();
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000").split(",")[0];
  const proto = (h.get("x-forwarded-proto") ?? "http").split(",")[0]?.trim();
  const url = `${proto}://${host?.trim()}`;
  return publicBaseUrl(new Request(URL.canParse(url) ? url : "http://localhost:3000"));
}
