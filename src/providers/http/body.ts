import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** Content codings the client asks for and can decode. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** The body was larger than allowed (counted after decompression, so a small zip bomb counts too). */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`body larger than ${maxBytes} bytes`);
  }
}

/**
 * Reads a response body to text (UTF-8), decoding gzip, deflate or br as the Content-Encoding
 * header says. Stops and throws BodyTooLargeError past `maxBytes` decoded bytes. Errors of the
 * underlying stream (a dropped connection, an abort) propagate as thrown.
 */
export async function readBodyText(
  body: Readable,
  contentEncoding: string | string[] | undefined,
  maxBytes: number,
): Promise<string> {
  const source = decode(
    body,
    String(contentEncoding ?? '')
      .trim()
      .toLowerCase(),
  );
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new BodyTooLargeError(maxBytes);
      chunks.push(chunk);
    }
  } finally {
    if (source !== body) body.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

function decode(body: Readable, encoding: string): Readable {
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (!decoder) return body;
  // Errors on either side must reach the reader: forward the source's error into the decoder.
  body.on('error', (error) => decoder.destroy(error));
  return body.pipe(decoder);
}
