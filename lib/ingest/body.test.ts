import {
  brotliCompressSync,
  constants,
  createBrotliCompress,
  deflateRawSync,
  deflateSync,
  gzipSync,
} from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { BodyError, readBody } from "./body";

const MiB = 1024 * 1024;
const json = new TextEncoder().encode(JSON.stringify({ title: "Boom", details: "x".repeat(5000) }));

function chunked(data: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < data.length; i += size) chunks.push(data.subarray(i, i + size));
  return chunks;
}

/** A request-like source that records how much of it was read and whether it was closed. */
function source(chunks: Uint8Array[], opts: { failWith?: Error } = {}) {
  const stats = { pulled: 0, closed: false };
  async function* generate() {
    try {
      for (const chunk of chunks) {
        stats.pulled += 1;
        yield chunk;
      }
      if (opts.failWith) throw opts.failWith;
    } finally {
      stats.closed = true;
    }
  }
  return { stats, iterable: generate() };
}

async function bodyError(promise: Promise<unknown>): Promise<BodyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BodyError);
  return error as BodyError;
}

async function brotliOfZeros(totalBytes: number): Promise<Uint8Array> {
  const encoder = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
  const out: Buffer[] = [];
  encoder.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => encoder.on("end", resolve));
  const zeros = Buffer.alloc(MiB);
  for (let written = 0; written < totalBytes; written += MiB) {
    if (!encoder.write(zeros)) await new Promise((resolve) => encoder.once("drain", resolve));
  }
  encoder.end();
  await ended;
  return Buffer.concat(out);
}

describe("readBody decodes", () => {
  it.each<[string, string | null | undefined, Uint8Array]>([
    ["no encoding", undefined, json],
    ["a null encoding", null, json],
    ["an empty encoding", "", json],
    ["identity", " Identity ", json],
    ["gzip", "gzip", gzipSync(json)],
    ["x-gzip", "x-gzip", gzipSync(json)],
    ["upper-case GZIP", "GZIP", gzipSync(json)],
    ["zlib-wrapped deflate", "deflate", deflateSync(json)],
    ["raw deflate", "deflate", deflateRawSync(json)],
    ["brotli", "br", brotliCompressSync(json)],
    [
      "multi-member gzip",
      "gzip",
      Buffer.concat([gzipSync(json.subarray(0, 100)), gzipSync(json.subarray(100))]),
    ],
  ])("%s", async (_name, contentEncoding, wire) => {
    for (const size of [wire.length, 4096, 7, 1]) {
      const body = await readBody(source(chunked(wire, size)).iterable, {
        contentEncoding,
        maxBytes: MiB,
      });
      expect(Buffer.from(body).equals(Buffer.from(json))).toBe(true);
    }
  });

  it.each(["identity", "gzip", "deflate", "br"])(
    "an empty %s body as empty",
    async (contentEncoding) => {
      const body = await readBody(source([]).iterable, { contentEncoding, maxBytes: MiB });
      expect(body).toHaveLength(0);
    },
  );

  it("a body of exactly maxBytes", async () => {
    const body = await readBody(source([gzipSync(json)]).iterable, {
      contentEncoding: "gzip",
      maxBytes: json.length,
    });
    expect(body).toHaveLength(json.length);
  });
});

describe("readBody refuses", () => {
  it.each(["compress", "zstd", "gzip, br", "gzip;q=1", "x".repeat(500)])(
    "Content-Encoding %j with 415",
    async (contentEncoding) => {
      const { stats, iterable } = source([json]);
      const error = await bodyError(readBody(iterable, { contentEncoding, maxBytes: MiB }));
      expect(error).toMatchObject({ status: 415, code: "unsupported_encoding" });
      expect(error.message.length).toBeLessThan(150);
      expect(stats.pulled).toBe(0);
    },
  );

  it.each<[string, string, Uint8Array, RegExp]>([
    ["plain text sent as gzip", "gzip", json, /body is not valid gzip/],
    ["truncated gzip", "gzip", gzipSync(json).subarray(0, 40), /body is not valid gzip/],
    [
      "gzip with a broken checksum",
      "gzip",
      (() => {
        const data = Buffer.from(gzipSync(json));
        data[data.length - 6] = (data[data.length - 6] ?? 0) ^ 0xff;
        return data;
      })(),
      /body is not valid gzip/,
    ],
    ["plain text sent as deflate", "deflate", json, /body is not valid deflate/],
    ["a single byte of deflate", "deflate", new Uint8Array([0x78]), /body is not valid deflate/],
    ["garbage sent as brotli", "br", json, /body is not valid brotli/],
    [
      "truncated brotli",
      "br",
      brotliCompressSync(json).subarray(0, 20),
      /body is not valid brotli/,
    ],
  ])("%s with 400", async (_name, contentEncoding, wire, message) => {
    const error = await bodyError(
      readBody(source(chunked(wire, 16)).iterable, { contentEncoding, maxBytes: MiB }),
    );
    expect(error).toMatchObject({ status: 400, code: "invalid_body" });
    expect(error.message).toMatch(message);
    expect(error.cause).toBeDefined();
  });

  it.each<[string, string | undefined, Uint8Array, { maxBytes: number; maxWireBytes?: number }]>([
    ["an identity body over maxBytes", undefined, json, { maxBytes: json.length - 1 }],
    ["an identity body over maxWireBytes", undefined, json, { maxBytes: MiB, maxWireBytes: 100 }],
    [
      "a gzip body decompressing past maxBytes",
      "gzip",
      gzipSync(json),
      { maxBytes: json.length - 1 },
    ],
    ["a gzip body over maxWireBytes", "gzip", gzipSync(json), { maxBytes: MiB, maxWireBytes: 10 }],
  ])("%s with 413", async (_name, contentEncoding, wire, limits) => {
    const { stats, iterable } = source(chunked(wire, 8));
    const error = await bodyError(readBody(iterable, { contentEncoding, ...limits }));
    expect(error).toMatchObject({ status: 413, code: "body_too_large" });
    expect(stats.closed).toBe(true);
  });

  it.each([undefined, "gzip"])(
    "turns the source's own failure (a client gone mid-body) into a 400 (%s)",
    async (contentEncoding) => {
      const wire = contentEncoding ? gzipSync(json).subarray(0, 30) : json;
      // Node's "aborted" carries ECONNRESET, which must not pass for the database going down.
      const aborted = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
      const error = await bodyError(
        readBody(source([wire], { failWith: aborted }).iterable, {
          contentEncoding,
          maxBytes: MiB,
        }),
      );
      expect(error).toMatchObject({ status: 400, code: "incomplete_body" });
      expect(error.cause).toBe(aborted);
    },
  );
});

describe("readBody against compression bombs", () => {
  const limit = MiB;
  let gzipBomb: Uint8Array;
  let deflateBomb: Uint8Array;
  let brotliBomb: Uint8Array;

  beforeAll(async () => {
    // Concatenated gzip members are one valid gzip stream: 1024 × 1 MiB of zeros = 1 GiB.
    gzipBomb = Buffer.concat(Array(1024).fill(gzipSync(Buffer.alloc(MiB), { level: 9 })));
    deflateBomb = deflateSync(Buffer.alloc(64 * MiB), { level: 9 });
    brotliBomb = await brotliOfZeros(1024 * MiB);
  });

  it.each<[string, string, () => Uint8Array, number]>([
    ["a 1 GiB gzip bomb in one chunk", "gzip", () => gzipBomb, Number.POSITIVE_INFINITY],
    ["a 1 GiB gzip bomb in 64 KiB chunks", "gzip", () => gzipBomb, 64 * 1024],
    ["a 64 MiB deflate bomb", "deflate", () => deflateBomb, 16 * 1024],
    ["a 1 GiB brotli bomb", "br", () => brotliBomb, 16 * 1024],
  ])("stops %s fast with 413", async (_name, contentEncoding, bomb, chunkSize) => {
    const wire = bomb();
    expect(wire.length).toBeLessThan(2 * MiB);
    const chunks = chunked(wire, Math.min(chunkSize, wire.length));
    const { stats, iterable } = source(chunks);
    const started = performance.now();
    const error = await bodyError(
      readBody(iterable, { contentEncoding, maxBytes: limit, maxWireBytes: 4 * MiB }),
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toMatchObject({ status: 413, code: "body_too_large" });
    expect(stats.closed).toBe(true);
    if (chunks.length > 4) expect(stats.pulled).toBeLessThan(chunks.length / 2);
  });
});

describe("readBody on a web ReadableStream", () => {
  function webStream(chunks: Uint8Array[]) {
    const stats = { pulled: 0, cancelled: false };
    let index = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[index++];
        if (chunk) {
          stats.pulled += 1;
          controller.enqueue(chunk);
        } else {
          controller.close();
        }
      },
      cancel() {
        stats.cancelled = true;
      },
    });
    return { stats, stream };
  }

  it("reads a gzip body", async () => {
    const { stream } = webStream(chunked(gzipSync(json), 100));
    const body = await readBody(stream, { contentEncoding: "gzip", maxBytes: MiB });
    expect(Buffer.from(body).equals(Buffer.from(json))).toBe(true);
  });

  it("cancels the stream on a bomb", async () => {
    const bomb = Buffer.concat(Array(256).fill(gzipSync(Buffer.alloc(MiB))));
    const chunks = chunked(bomb, 16 * 1024);
    const { stats, stream } = webStream(chunks);
    const error = await bodyError(readBody(stream, { contentEncoding: "gzip", maxBytes: MiB }));
    expect(error.status).toBe(413);
    expect(stats.cancelled).toBe(true);
    expect(stats.pulled).toBeLessThan(chunks.length / 2);
  });
});
