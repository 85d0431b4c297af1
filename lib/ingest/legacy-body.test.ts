import { deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BodyError } from "./body";
import { decodeStoreBody } from "./legacy-body";

const MAX = 1024 * 1024;
const json = JSON.stringify({ message: "from a legacy client", level: "error" });
const decode = async (body: Uint8Array | string, max = MAX) =>
  Buffer.from(await decodeStoreBody(Buffer.from(body), max)).toString("utf8");
const failure = (body: Uint8Array | string, max = MAX) =>
  decodeStoreBody(Buffer.from(body), max).then(
    () => undefined,
    (error: unknown) => error,
  );

describe("decodeStoreBody: /store/ bodies as Sentry's server reads them", () => {
  it.each<[string, Uint8Array | string]>([
    ["JSON as it is", json],
    ["JSON after whitespace", `\n  ${json}`],
    // raven-python ≤ 5, raven-ruby (strict_encode64), raven-php (gzcompress is zlib).
    ["base64(zlib(json))", deflateSync(json).toString("base64")],
    // Ruby's Base64.encode64 breaks lines every 60 characters.
    [
      "base64(zlib(json)) in 60-character lines",
      deflateSync(json)
        .toString("base64")
        .replace(/(.{60})/g, "$1\n"),
    ],
    ["URL-safe base64 without padding", deflateSync(json).toString("base64url")],
    ["base64(json)", Buffer.from(json).toString("base64")],
    ["plain zlib", deflateSync(json)],
    ["zlib at the best compression", deflateSync(json, { level: 9 })],
  ])("reads %s", async (_name, body) => {
    expect((await decode(body)).trim()).toBe(json);
  });

  it("leaves an empty body alone (the caller answers it)", async () => {
    expect(await decode("")).toBe("");
  });

  it.each<[string, Uint8Array | string]>([
    ["plain text", "hello, world!"],
    ["base64 of text", Buffer.from("not json at all").toString("base64")],
    ["base64 with a symbol after the padding", "eJw=A"],
    ["gzip (needs a Content-Encoding)", gzipSync(json)],
    ["raw deflate", deflateRawSync(json)],
    ["base64 of broken zlib", Buffer.from([0x78, 0x9c, 1, 2, 3, 4]).toString("base64")],
    ["broken zlib", Buffer.from([0x78, 0x9c, 1, 2, 3, 4])],
  ])("answers 400 invalid_json for %s", async (_name, body) => {
    const error = await failure(body);
    expect(error).toBeInstanceOf(BodyError);
    expect(error).toMatchObject({ status: 400, code: "invalid_json" });
  });

  it("stops inflating at the limit: a zlib bomb is a 413, plain or in base64", async () => {
    const bomb = deflateSync(Buffer.alloc(50 * 1024 * 1024, "a"));
    for (const body of [bomb, bomb.toString("base64")]) {
      const started = performance.now();
      const error = await failure(body);
      expect(error).toMatchObject({ status: 413, code: "body_too_large" });
      expect(performance.now() - started).toBeLessThan(2000);
    }
    // Just under the limit is fine.
    const fits = JSON.stringify({ message: "x".repeat(1000) });
    expect(await decode(deflateSync(fits).toString("base64"), fits.length)).toBe(fits);
    expect(await failure(deflateSync(fits).toString("base64"), fits.length - 1)).toMatchObject({
      status: 413,
    });
  });
});
