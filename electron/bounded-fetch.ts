/** The WHATWG fetch (Node's in main; a stand-in in tests). */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * GETs `url` and reads at most `maxBytes` of it: a hostile feed cannot fill the shell's memory.
 * No redirects: the signed files live in the feed folder itself, and a redirect could lead to
 * plain http. Throws on any status but 200.
 */
export async function fetchBounded(fetch: Fetch, url: URL, maxBytes: number): Promise<Uint8Array> {
  const response = await fetch(url.href, { redirect: 'error', signal: AbortSignal.timeout(30_000) });
  if (response.status !== 200) throw new Error(`GET ${url.pathname} answered ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new Error(`GET ${url.pathname}: ${declared} bytes, at most ${maxBytes} expected`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body === null) return new Uint8Array();
  for await (const chunk of response.body) {
    total += chunk.length;
    // Leaving the loop cancels the rest of the body.
    if (total > maxBytes) throw new Error(`GET ${url.pathname}: more than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
