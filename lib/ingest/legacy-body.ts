import { message } from "../i18n/server-messages";
import { BodyError, inflateBody, isZlibHeader } from "./body";

const OPEN_BRACE = 0x7b;

/**
 * A `/store/` body as Sentry's own server reads it (Relay's `decode_bytes`): JSON as it is;
 * otherwise base64, which legacy SDKs (raven-ruby, raven-php, old raven-python) wrap around
 * zlib-compressed JSON and send as `application/octet-stream` without a Content-Encoding;
 * and plain zlib too. Inflating stops at `maxBytes`, like a Content-Encoding does.
 */
export async function decodeStoreBody(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  if (bytes.byteLength === 0 || startsWithBrace(bytes)) return bytes;
  // Base64 first: its text can start like a zlib header ("hC…"), zlib output is rarely all base64.
  const decoded = decodeBase64(bytes);
  if (!decoded) {
    if (isZlibHeader(bytes)) return inflateLegacy(bytes, maxBytes);
    throw new BodyError(400, "invalid_json", message("ServerBody.legacyNeither"));
  }
  if (startsWithBrace(decoded)) return decoded;
  if (isZlibHeader(decoded)) return inflateLegacy(decoded, maxBytes);
  throw new BodyError(400, "invalid_json", message("ServerBody.legacyBase64"));
}

function startsWithBrace(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (!isSpace(byte)) return byte === OPEN_BRACE;
  }
  return false;
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

async function inflateLegacy(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  try {
    return await inflateBody(bytes, maxBytes);
  } catch (error) {
    if (error instanceof BodyError && error.status === 400) {
      throw new BodyError(400, "invalid_json", message("ServerBody.legacyZlib"), {
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Standard or URL-safe base64, with or without padding; line breaks and spaces (Ruby's
 * `Base64.encode64` breaks lines) are skipped. Anything else: undefined. One pass, no regex.
 */
function decodeBase64(bytes: Uint8Array): Uint8Array | undefined {
  let padding = 0;
  let symbols = 0;
  for (const byte of bytes) {
    if (isSpace(byte)) continue;
    if (byte === 0x3d) {
      padding += 1;
      if (padding > 2) return undefined;
      continue;
    }
    // A symbol after "=" padding is not base64.
    if (padding > 0 || !isBase64Symbol(byte)) return undefined;
    symbols += 1;
  }
  if (symbols === 0 || symbols % 4 === 1) return undefined;
  return Buffer.from(Buffer.from(bytes).toString("latin1"), "base64");
}

function isBase64Symbol(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2b || // +
    byte === 0x2f || // /
    byte === 0x2d || // - (URL-safe)
    byte === 0x5f // _ (URL-safe)
  );
}
