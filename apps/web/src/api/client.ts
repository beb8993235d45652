// One small client for shared/API.md: bearer token, problem details, file downloads.
import type { Account, Family, LoginReply, SessionReply } from './types';

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldProblem[],
    readonly body: Record<string, unknown>,
  ) {
    super(detail ?? title);
  }
}

const PREFIX = '/api/v1';
const TOKEN_KEY = 'disduk.session';

/**
 * What the account must do before anything else: set a new password (after an administrator's
 * reset) or turn on the second factor its role requires. Read from the access token's claims.
 */
export type Restriction = 'PASSWORD_CHANGE' | 'MFA_ENROLMENT';

export interface Session {
  /** The access token (at most 15 minutes). */
  token: string;
  /** When the access token expires (ms); the refresh token gets the next one. */
  expiresAt: number;
  refreshToken: string;
  account: Account;
  restriction?: Restriction;
}

let session: Session | undefined = readSession();
const listeners = new Set<() => void>();

function readSession(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(TOKEN_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Session;
    // An expired access token is fine: the refresh token gets a new one (or the session is over).
    return typeof parsed.refreshToken === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function currentSession(): Session | undefined {
  return session;
}

function restrictionOf(accessToken: string): Restriction | undefined {
  try {
    const part = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(part)) as { pwdChange?: unknown; mfaEnrol?: unknown };
    if (claims.pwdChange === true) return 'PASSWORD_CHANGE';
    if (claims.mfaEnrol === true) return 'MFA_ENROLMENT';
  } catch {
    // not a JWT we can read: no restriction known, the API still enforces it
  }
  return undefined;
}

function withTokens(
  base: Omit<Session, 'token' | 'expiresAt' | 'refreshToken' | 'restriction'>,
  reply: SessionReply,
): Session {
  const next: Session = {
    ...base,
    token: reply.accessToken,
    expiresAt: Date.now() + reply.expiresIn * 1000,
    refreshToken: reply.refreshToken,
  };
  const restriction = restrictionOf(reply.accessToken);
  if (restriction !== undefined) next.restriction = restriction;
  return next;
}

/** A refresh this long before the access token expires, so a request never goes with a stale one. */
const REFRESH_MARGIN_MS = 60_000;
let refreshing: Promise<Session | undefined> | undefined;

/**
 * The next access token of the session for its refresh token (each works once: rotation). One
 * refresh at a time: every request that needs one waits for the same. Undefined when the session
 * is over (signed out elsewhere, password changed, account disabled): the person signs in again.
 */
export function refreshSession(): Promise<Session | undefined> {
  const current = session;
  if (current === undefined) return Promise.resolve(undefined);
  refreshing ??= (async () => {
    try {
      const response = await fetch(`${PREFIX}/auth/refresh`, {
        method: 'POST',
        headers: { accept: 'application/json, application/problem+json', 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: current.refreshToken }),
      });
      if (response.status === 401) {
        if (session === current) setSession(undefined);
        return undefined;
      }
      if (!response.ok) throw await problemOf(response);
      const next = withTokens(current, (await response.json()) as SessionReply);
      if (session === current) setSession(next);
      return next;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

/** The access token to send: refreshed first when it is about to expire. */
async function freshToken(): Promise<string | undefined> {
  const current = session;
  if (current === undefined) return undefined;
  if (current.expiresAt - Date.now() > REFRESH_MARGIN_MS) return current.token;
  return (await refreshSession())?.token;
}

export function setSession(next: Session | undefined): void {
  session = next;
  // sessionStorage: the sign-in ends with the tab, which suits shared counter and family phones.
  if (next) sessionStorage.setItem(TOKEN_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(TOKEN_KEY);
  for (const listener of listeners) listener();
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function problemOf(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // not JSON: keep the status only
  }
  const errors = Array.isArray(body['errors']) ? (body['errors'] as FieldProblem[]) : [];
  return new ApiError(
    response.status,
    typeof body['title'] === 'string' ? body['title'] : response.statusText,
    typeof body['detail'] === 'string' ? body['detail'] : undefined,
    errors,
    body,
  );
}

/*
 * Safe retries (API.md "Safe retries"): every action carries an Idempotency-Key. The key belongs
 * to the request (method, path, body) until its outcome is known, so a retry, whether automatic
 * after a lost connection or a 503, or the person pressing the button again, reuses it, and the
 * server answers the first outcome instead of acting twice. Once an answer arrives the key is
 * done with; the same request sent later is a new action with a new key.
 */
const openKeys = new Map<string, string>();
/** Routes that honour the key (API.md "Safe retries"): only these are retried automatically. */
const HONOURS_KEY = /^\/applications(\/|$)|^\/verifications\/batch$/;
const RETRY_DELAYS_MS = [800, 2000];

function newKey(): string {
  // getRandomValues works on plain-HTTP intranet addresses too (randomUUID needs HTTPS).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function signatureOf(method: string, path: string, body: BodyInit | object | undefined): string {
  let content: string;
  if (body instanceof FormData) {
    const parts: string[] = [];
    body.forEach((value, name) => {
      parts.push(
        typeof value === 'string' ? `${name}=${value}` : `${name}:${value.name}:${value.size}:${value.lastModified}`,
      );
    });
    content = parts.join('&');
  } else if (body instanceof Blob) {
    content = `blob:${body.size}:${body.type}`;
  } else {
    content = JSON.stringify(body ?? null);
  }
  return `${method} ${path} ${content}`;
}

/** Outcome unknown: the request may or may not have taken effect, and may be sent again. */
async function unanswered(response: Response | undefined): Promise<boolean> {
  if (response === undefined) return true;
  if ([502, 503, 504].includes(response.status)) return true;
  if (response.status !== 409) return false;
  // 409 IDEMPOTENCY.IN_PROGRESS: the first attempt is still being answered.
  const body = (await response
    .clone()
    .json()
    .catch(() => ({}))) as { code?: unknown };
  return body.code === 'IDEMPOTENCY.IN_PROGRESS';
}

async function send(method: string, path: string, body?: BodyInit | object, contentType?: string): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const authRoute = path.startsWith('/auth/') && path !== '/auth/logout';
  let token = authRoute ? undefined : await freshToken();
  if (token) headers['authorization'] = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData || body instanceof Blob) {
    payload = body;
    if (contentType) headers['content-type'] = contentType;
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const action = method !== 'GET' && !path.startsWith('/auth/');
  const signature = action ? signatureOf(method, path, body) : '';
  if (action) {
    let key = openKeys.get(signature);
    if (key === undefined) {
      key = newKey();
      openKeys.set(signature, key);
    }
    headers['idempotency-key'] = key;
  }
  const retryable = action && HONOURS_KEY.test(path);
  let response: Response | undefined;
  let open = false;
  for (let attempt = 0; ; attempt++) {
    try {
      response = await fetch(`${PREFIX}${path}`, { method, headers, body: payload });
    } catch (error) {
      if (!retryable || attempt >= RETRY_DELAYS_MS.length) throw error;
      response = undefined;
    }
    open = action && (await unanswered(response));
    if (!open || !retryable || attempt >= RETRY_DELAYS_MS.length) break;
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
  }
  if (response === undefined) throw new TypeError('network');
  if (action && !open) openKeys.delete(signature);
  if (response.status === 401 && token) {
    // The access token may have expired in between: one refresh, one more try; else signed out.
    const renewed = await refreshSession();
    if (renewed !== undefined && renewed.token !== token && (!action || retryableAfterRefresh(path))) {
      token = renewed.token;
      headers['authorization'] = `Bearer ${token}`;
      response = await fetch(`${PREFIX}${path}`, { method, headers, body: payload });
    }
    if (response.status === 401) setSession(undefined);
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

/** A request refused for an expired token did nothing: it may be sent again once (reads, keyed actions). */
function retryableAfterRefresh(path: string): boolean {
  return HONOURS_KEY.test(path) || path.startsWith('/me');
}

export async function api<T>(
  method: string,
  path: string,
  body?: object | FormData | Blob,
  contentType?: string,
): Promise<T> {
  const response = await send(method, path, body, contentType);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const get = <T>(path: string): Promise<T> => api<T>('GET', path);
export const post = <T>(path: string, body?: object | FormData | Blob, contentType?: string): Promise<T> =>
  api<T>('POST', path, body, contentType);
export const put = <T>(path: string, body: object): Promise<T> => api<T>('PUT', path, body);
export const del = <T>(path: string): Promise<T> => api<T>('DELETE', path);

/** A protected file (evidence, issued PDF) as a Blob: the token cannot ride on a plain link. */
export async function fetchBlob(path: string): Promise<Blob> {
  const response = await send('GET', path);
  return response.blob();
}

export async function saveFile(path: string, fileName: string): Promise<void> {
  const blob = await fetchBlob(path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A sign-in: the session, or (an account with a second factor) the challenge for the code. */
export type SignInResult = { session: Session } | { mfaToken: string };

export async function signIn(username: string, password: string): Promise<SignInResult> {
  const reply = await api<LoginReply>('POST', '/auth/login', { username, password });
  if ('mfaRequired' in reply) return { mfaToken: reply.mfaToken };
  return { session: await establish(reply) };
}

/** The second step of a sign-in: a code of the authenticator app, or a recovery code. */
export async function completeSignIn(mfaToken: string, code: string): Promise<Session> {
  const reply = await api<SessionReply>('POST', '/auth/mfa', { mfaToken, code: code.trim() });
  return establish(reply);
}

async function establish(reply: SessionReply): Promise<Session> {
  const provisional = withTokens({ account: { id: '', role: reply.role } }, reply);
  session = provisional;
  // A resident's first screen is their family: ask for it beside the account, not after it,
  // and name the resident in the header from it.
  const family = reply.role === 'RESIDENT' ? prefetchFamily() : undefined;
  const account = await get<Account>('/me');
  const own = await family?.then(
    (loaded) => loaded.members.find((member) => member.nik === account.nik),
    () => undefined,
  );
  const next = { ...provisional, account: own ? { ...account, fullName: own.fullName } : account };
  setSession(next);
  return next;
}

let prefetched: Promise<Family> | undefined;

function prefetchFamily(): Promise<Family> {
  prefetched = get<Family>('/me/family');
  return prefetched;
}

/** The resident's family: the copy asked for at sign-in once, then fresh from the API. */
export function myFamily(): Promise<Family> {
  const ready = prefetched;
  prefetched = undefined;
  return ready ?? get<Family>('/me/family');
}

/**
 * A file upload that reports its progress (fetch cannot report an upload's progress): the
 * same headers and problem details as `api`.
 */
export async function upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  // A fresh access token first: an upload on a slow connection must not start with one about to expire.
  const token = await freshToken();
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${PREFIX}${path}`);
    request.setRequestHeader('accept', 'application/json, application/problem+json');
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    // The same Idempotency-Key as `send` would give it (safe retries): pressing the button
    // again after a lost answer reuses it, so the file is stored once.
    const signature = signatureOf('POST', path, form);
    const key = openKeys.get(signature) ?? newKey();
    openKeys.set(signature, key);
    request.setRequestHeader('idempotency-key', key);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new TypeError('network'));
    request.onload = () => {
      const response = new Response(request.status === 204 ? null : request.responseText, {
        status: request.status,
        headers: { 'content-type': request.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (![502, 503, 504].includes(request.status)) openKeys.delete(signature);
      if (request.status === 401 && token) setSession(undefined);
      if (request.status < 200 || request.status >= 300) {
        void problemOf(response).then(reject);
        return;
      }
      onProgress(1);
      resolve((request.status === 204 ? undefined : JSON.parse(request.responseText)) as T);
    };
    request.send(form);
  });
}

/** Ends the session on the server (its tokens refused at once), then here. */
export async function signOut(): Promise<void> {
  const current = session;
  if (current === undefined) return;
  const token = await freshToken().catch(() => current.token);
  const refreshToken = session?.refreshToken ?? current.refreshToken;
  setSession(undefined);
  if (token === undefined) return;
  try {
    await fetch(`${PREFIX}/auth/logout`, {
      method: 'POST',
      headers: {
        accept: 'application/json, application/problem+json',
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ refreshToken }),
    });
  } catch {
    // Offline: the tokens expire by themselves (15 minutes; the refresh token is forgotten here).
  }
}

/**
 * Refusals whose detail says what to do (which scope, which NIP or NIK is taken, whose family):
 * shown as the API words them rather than the status's general text.
 */
const SPOKEN_CODES: ReadonlySet<string> = new Set([
  'ADMIN.OUT_OF_SCOPE',
  'STAFF.USERNAME_TAKEN',
  'STAFF.NIP_TAKEN',
  'STAFF.NIK_TAKEN',
  'APPLICATION.OWN_FAMILY',
  'APPLICATION.FOUR_EYES',
]);

/** A message for a person: the API's detail, else one by status. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (typeof error.body['code'] === 'string' && SPOKEN_CODES.has(error.body['code']) && error.detail)
      return error.detail;
    switch (error.status) {
      case 401:
        return 'Sesi Anda telah berakhir, atau NIK/nama pengguna dan kata sandi salah. Silakan masuk kembali.';
      case 403:
        return error.detail ?? 'Anda tidak berwenang melakukan tindakan ini.';
      case 404:
        return 'Data tidak ditemukan.';
      case 409:
        return 'Status permohonan sudah berubah. Muat ulang halaman untuk melihat keadaan terbaru.';
      case 413:
        return 'Berkas terlalu besar (maksimal 5 MB).';
      case 415:
        return 'Jenis berkas tidak diterima. Gunakan foto (JPEG/PNG) atau PDF.';
      case 429:
        return 'Terlalu banyak percobaan. Silakan tunggu sebentar lalu coba lagi.';
      case 503:
        return 'Layanan sedang tidak tersedia. Silakan coba beberapa saat lagi.';
      default:
        return error.detail ?? error.title ?? 'Permintaan tidak dapat diproses.';
    }
  }
  if (error instanceof TypeError) return 'Tidak dapat terhubung ke server. Periksa koneksi Anda.';
  // Our own messages (already in Indonesian) travel as plain Errors.
  if (error instanceof Error && error.message) return error.message;
  return 'Terjadi kesalahan. Silakan coba lagi.';
}
