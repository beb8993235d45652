import { DomainError, ErrorKind, type ErrorCode, type FieldError } from '#lib/domain';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  [ErrorKind.INVALID]: 400,
  [ErrorKind.UNAUTHENTICATED]: 401,
  [ErrorKind.FORBIDDEN]: 403,
  [ErrorKind.NOT_FOUND]: 404,
  [ErrorKind.CONFLICT]: 409,
  [ErrorKind.TOO_LARGE]: 413,
  [ErrorKind.UNSUPPORTED_MEDIA]: 415,
  [ErrorKind.RULE]: 422,
  [ErrorKind.RATE_LIMITED]: 429,
  [ErrorKind.UNAVAILABLE]: 503,
  [ErrorKind.INTERNAL]: 500,
};

const TITLE_BY_KIND: Record<ErrorKind, string> = {
  [ErrorKind.INVALID]: 'Permintaan tidak valid',
  [ErrorKind.UNAUTHENTICATED]: 'Autentikasi diperlukan',
  [ErrorKind.FORBIDDEN]: 'Akses tidak diizinkan',
  [ErrorKind.NOT_FOUND]: 'Tidak ditemukan',
  [ErrorKind.CONFLICT]: 'Tidak sesuai dengan status saat ini',
  [ErrorKind.TOO_LARGE]: 'Ukuran data terlalu besar',
  [ErrorKind.UNSUPPORTED_MEDIA]: 'Jenis data tidak didukung',
  [ErrorKind.RULE]: 'Tidak memenuhi ketentuan',
  [ErrorKind.RATE_LIMITED]: 'Terlalu banyak permintaan',
  [ErrorKind.UNAVAILABLE]: 'Layanan sedang tidak tersedia',
  [ErrorKind.INTERNAL]: 'Terjadi kesalahan pada sistem',
};

/** RFC 9457 problem details, with the stable `code` and the request's correlation id. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors: FieldError[];
  correlationId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemOf(error: DomainError, correlationId?: string): ProblemBody {
  const { details } = error;
  return {
    ...details,
    type: `urn:disdukcapil:problem:${error.code.toLowerCase()}`,
    title: TITLE_BY_KIND[error.kind],
    status: STATUS_BY_KIND[error.kind],
    detail: error.message,
    code: error.code,
    errors: error.errors,
    ...(correlationId ? { correlationId } : {}),
  };
}

/** Errors raised by Nest or Fastify themselves (no route, bad JSON, too large) as domain errors. */
export function fromHttpStatus(status: number, message: string | undefined): DomainError {
  switch (status) {
    case 404:
      return new DomainError('ROUTE.NOT_FOUND', 'Alamat yang diminta tidak ada');
    case 405:
      return new DomainError('METHOD.NOT_ALLOWED', 'Metode tidak didukung untuk alamat ini');
    case 413:
      return new DomainError('REQUEST.TOO_LARGE', 'Ukuran data melebihi batas');
    case 415:
      return new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Jenis konten tidak didukung');
    case 401:
      return new DomainError('AUTH.UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
    case 403:
      return new DomainError('AUTH.FORBIDDEN', 'Anda tidak berhak melakukan ini');
    default:
      return new DomainError('REQUEST.MALFORMED', describeMalformed(message));
  }
}

function describeMalformed(message: string | undefined): string {
  if (message && /empty/i.test(message)) return 'Isi permintaan kosong';
  if (message && /JSON/i.test(message)) return 'Isi permintaan bukan JSON yang sah';
  return 'Permintaan tidak dapat dibaca';
}
