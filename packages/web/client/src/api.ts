/** The write token comes once in the URL printed by `juesuan serve`; it is kept for the tab only. */
const TOKEN_KEY = 'juesuan-token';
{
  const url = new URL(location.href);
  const t = url.searchParams.get('token');
  if (t) {
    sessionStorage.setItem(TOKEN_KEY, t);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
}

export const token = (): string | null => sessionStorage.getItem(TOKEN_KEY);

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function parse<T>(r: Response): Promise<T> {
  const body = (await r.json().catch(() => ({}))) as { error?: string };
  if (!r.ok) throw new ApiError(r.status, body.error ?? `${r.status} ${r.statusText}`);
  return body as T;
}

export const getJson = async <T>(path: string): Promise<T> => parse<T>(await fetch(path));

export async function send<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const t = token();
  if (t) headers.authorization = `Bearer ${t}`;
  return parse<T>(await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

/** One report uploaded and ingested; `onProgress` gets the share of bytes sent. */
export function uploadReport(file: File, onProgress: (sent: number) => void): Promise<{ status: string; sha256: string; message: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/ingest?name=${encodeURIComponent(file.name)}`);
    const t = token();
    if (t) xhr.setRequestHeader('authorization', `Bearer ${t}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || '{}') as { status: string; sha256: string; message: string; error?: string };
      if (xhr.status >= 400 && body.error) reject(new ApiError(xhr.status, body.error));
      else resolve(body);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network error'));
    xhr.send(file);
  });
}

export const query = (params: Record<string, string | number | undefined | null>): string =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== '').map(([k, v]) => [k, String(v)])).toString();
