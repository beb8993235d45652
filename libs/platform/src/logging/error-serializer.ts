import { pino } from 'pino';

/**
 * pino's `err` serializer, made safe for personal data (issue #13, ASVS 7.1.1/8.3.4): an error
 * is logged with its name, message, stack, code and the fields a driver adds, but never with
 * the values that reached the database. TypeORM's QueryFailedError carries the query's
 * `parameters` (names, addresses, password hashes) and its SQL; PostgreSQL's `detail` spells
 * out values (`Key (nik)=(…) already exists`, `Failing row contains (…)`); messages quote a
 * value that failed to parse. Those are cut here, before the line is written; NIKs anywhere are
 * masked again by the logger's stream hook.
 */

const REDACTED = '[REDACTED]';
const MAX_DEPTH = 4;

/** Fields that carry values rather than describe the failure. */
const VALUE_KEYS = new Set(['parameters', 'params', 'values', 'bindings', 'body', 'payload', 'data', 'row']);

/** A field whose name says it is personal or secret. */
const PERSONAL_KEY =
  /^(nik|niks|.*nik|.*niks|nip|name|.*name|address|alamat|rt|rw|birthdate|birthplace|placeofdeath|dateofdeath|password|.*password|.*passwordhash|hash|.*hash|token|.*token|secret|.*secret|authorization|cookie|phone|email|passportnumber|kitapnumber|familycardnumber|.*familycardnumber|headnik|mothername|fathername|religion|occupation|bloodtype|maritalstatus)$/i;

/** Keeps SQL's shape; drops its literals (a query built with values inline would carry them). */
export function redactSql(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, `'${REDACTED}'`)
    .replace(/\$([a-zA-Z_]*)\$[\s\S]*?\$\1\$/g, `'${REDACTED}'`)
    .replace(/(?<![\w$.])\d{6,}(?!\w)/g, REDACTED);
}

/** PostgreSQL's `detail`: `Key (nik)=(…)`, `Failing row contains (…)`: the columns stay, the values go. */
export function redactDetail(detail: string): string {
  return detail
    .replace(/\)=\(.*?\)( already exists| is not present| is still referenced| conflicts)/gs, `)=(${REDACTED})$1`)
    .replace(/\)=\(.*\)/gs, `)=(${REDACTED})`)
    .replace(/Failing row contains \(.*\)/gs, `Failing row contains (${REDACTED})`);
}

/** A message that quotes the value it could not take (`invalid input syntax for type uuid: "…"`). */
export function redactMessage(message: string): string {
  return redactDetail(message)
    .replace(/(: )"(?:[^"\\]|\\.)*"/g, `$1"${REDACTED}"`)
    .replace(/(\bvalue\b[^"']{0,40})(["'])(?:(?!\2).)*\2/gi, `$1$2${REDACTED}$2`);
}

function redactValue(key: string, value: unknown, depth: number, seen: WeakSet<object>): unknown {
  const lower = key.toLowerCase();
  if (VALUE_KEYS.has(lower)) {
    return Array.isArray(value) ? `${REDACTED} (${value.length} values)` : REDACTED;
  }
  if (PERSONAL_KEY.test(key)) return value === undefined || value === null ? value : REDACTED;
  if (typeof value === 'string') {
    if (lower === 'query' || lower === 'sql') return redactSql(value);
    if (lower === 'detail' || lower === 'where' || lower === 'hint') return redactDetail(value);
    if (lower === 'message' || lower === 'stack' || lower === 'msg') return redactMessage(value);
    return value;
  }
  if (typeof value === 'object' && value !== null) return redactObject(value, depth + 1, seen);
  return value;
}

function redactObject(value: object, depth: number, seen: WeakSet<object>): unknown {
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (depth > MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.map((item, i) => redactValue(String(i), item, depth, seen));
  const source =
    value instanceof Error ? (pino.stdSerializers.err(value) as unknown as Record<string, unknown>) : value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(source)) out[key] = redactValue(key, field, depth, seen);
  return out;
}

/** The `err` (and `error`) serializer of every app's logger. */
export function serializeError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) {
    return typeof error === 'string' ? redactMessage(error) : error;
  }
  return redactObject(error, 0, new WeakSet());
}
