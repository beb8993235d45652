/**
 * What kind of failure an error code stands for. The domain knows nothing of HTTP: the
 * gateway's one problem filter maps each kind to a status (400, 401, 403, 404, 409, 413, 415,
 * 422, 429, 503), so a code keeps its meaning whichever transport carries it.
 */
export const ErrorKind = {
  INVALID: 'INVALID',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_LARGE: 'TOO_LARGE',
  UNSUPPORTED_MEDIA: 'UNSUPPORTED_MEDIA',
  RULE: 'RULE',
  RATE_LIMITED: 'RATE_LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];
