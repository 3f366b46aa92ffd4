/**
 * Reading a reply of another machine (the central API, the hall host) with a byte cap. Read
 * whole (`response.json()`), an endless or huge body fills the host's memory until it dies; here
 * a declared Content-Length over the cap is refused before the body is read, and the bytes are
 * counted as they arrive, the download cancelled the moment they pass the cap.
 */

/** A reply longer than its cap. The caller turns it into its own failure (retry later, unreachable). */
export class ReplyTooLargeError extends Error {
  override readonly name = 'ReplyTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`reply too large (over ${limitBytes} bytes)`);
  }
}

/** The body as text (UTF-8), at most `limitBytes` of it; throws `ReplyTooLargeError` past that. */
export async function readBoundedText(response: Response, limitBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limitBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new ReplyTooLargeError(limitBytes);
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      // Cancelling drops the connection: the rest of the body is never downloaded.
      await reader.cancel().catch(() => undefined);
      throw new ReplyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/** The body parsed as JSON, read with `readBoundedText`; a syntax error throws as `JSON.parse` does. */
export async function readBoundedJson(response: Response, limitBytes: number): Promise<unknown> {
  return JSON.parse(await readBoundedText(response, limitBytes)) as unknown;
}
