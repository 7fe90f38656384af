import { request } from 'node:http';

/** One HTTP exchange as a real client makes it: headers exactly as given, no body added or removed. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T = unknown>(): T;
}

/**
 * Sends `method url` with exactly `headers` and `body` (none when undefined: then no
 * Content-Length either, unless the headers name one), as the vendor SDKs mirrored in these tests
 * send them. Node's http client adds nothing but Host and Connection.
 */
export function rawRequest(
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: text,
          json: <T>() => JSON.parse(text) as T,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) {
      req.write(body);
    }
    req.end();
  });
}

/** The target of a `Link: <url>; rel="next"` header, as python-requests' `response.links` reads it. */
export function nextLinkOf(res: RawResponse): string | null {
  const link = res.headers.link;
  const match = typeof link === 'string' ? /<([^>]+)>;\s*rel="next"/.exec(link) : null;
  return match?.[1] ?? null;
}
