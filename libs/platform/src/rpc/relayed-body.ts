import { DomainError } from '#lib/domain';

/**
 * A request whose HTTP body the gateway relays as it arrived, unparsed (a batch of 1,000 checks:
 * parsing it in the gateway and serializing it again for NATS was a quarter of the gateway's time
 * per batch, and the receiving service parses and validates it anyway). The NATS message is the
 * usual packet (`{pattern, data: {principal}, id}`, one line of JSON: it never holds a newline),
 * a newline, then the body's bytes; this header says so. The receiving service parses the body
 * as the gateway would have (same refusals, same messages) and puts the verified principal in
 * last, so a body can never pose as someone else.
 */
export const RELAYED_BODY_HEADER = 'x-relayed-body';

const NEWLINE = 0x0a;
const decoder = new TextDecoder();

/** The message: the packet's line, a newline, the body. */
export function relayedPayload(packetLine: string, body: Uint8Array): Uint8Array {
  return Buffer.concat([Buffer.from(`${packetLine}\n`), body]);
}

/** The packet's line and the body's text, or undefined for a message without the newline. */
export function splitRelayed(payload: Uint8Array): { packetLine: string; bodyText: string } | undefined {
  const cut = payload.indexOf(NEWLINE);
  if (cut < 0) return undefined;
  return {
    packetLine: decoder.decode(payload.subarray(0, cut)),
    bodyText: decoder.decode(payload.subarray(cut + 1)),
  };
}

/**
 * The relayed body as a JSON object, refused as the gateway refuses a body it parses itself:
 * empty, not JSON, not an object, or carrying a prototype-poisoning key (`__proto__`, or a
 * `constructor` with a `prototype`: Fastify's defaults, which the gateway keeps) — each a 400
 * `REQUEST.MALFORMED` with the gateway's own message for it.
 */
export function parseRelayedBody(text: string): Record<string, unknown> {
  if (text === '') throw new DomainError('REQUEST.MALFORMED', 'Isi permintaan kosong');
  let body: unknown;
  try {
    // A key can only be written as `__proto__` or `constructor` plainly or with a \u escape.
    body = mayPoison(text) ? JSON.parse(text, refusePoisoning) : JSON.parse(text);
  } catch {
    // Fastify says the same of a poisoned body as of one that is not JSON.
    throw new DomainError('REQUEST.MALFORMED', 'Isi permintaan bukan JSON yang sah');
  }
  return acceptedBody(jsonObject(body));
}

/** A request body that must be a JSON object: 400 `REQUEST.MALFORMED` for anything else. */
export function jsonObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DomainError('REQUEST.MALFORMED', 'Isi permintaan harus berupa objek JSON');
  }
  return body as Record<string, unknown>;
}

/** Deeper than any body of the API (≤ 4 levels): refused before anything recurses over it. */
export const MAX_BODY_DEPTH = 32;

/**
 * A parsed public JSON body made fit for the routes, in one walk (API.md: bad input gets a 4xx):
 * - nesting deeper than MAX_BODY_DEPTH is refused (class-transformer and the validators recurse:
 *   a body nested 5,000 deep overflowed the stack, a 500);
 * - a string or key holding U+0000 is refused, naming the field (PostgreSQL cannot store it in
 *   text: a 500);
 * - a property whose value is `null` is removed: the API has no field where null means anything
 *   else than "not given", and the validation already reads it so (`@IsOptional()` passes null),
 *   while the code after it expects a given field to have its type (a null name reached the name
 *   comparison: a 500). A required field sent as null is then refused as missing.
 * Elements of lists are kept as they are (a null item is refused by the item's validation).
 * A list at the top is walked too (the route refuses it afterwards). Changes `body` in place and
 * returns it.
 */
export function acceptedBody<T>(body: T): T {
  if (typeof body !== 'object' || body === null) return body;
  const pending: Container[] = [{ value: body, depth: 1, parent: undefined, key: '' }];
  while (pending.length > 0) {
    const container = pending.pop() as Container;
    const { value, depth } = container;
    if (depth > MAX_BODY_DEPTH) {
      throw new DomainError(
        'REQUEST.MALFORMED',
        `Isi permintaan bersarang terlalu dalam (paling banyak ${MAX_BODY_DEPTH} tingkat)`,
      );
    }
    if (Array.isArray(value)) {
      const list = value as unknown[];
      for (let i = 0; i < list.length; i++) visit(list[i], container, i, pending);
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (key.includes('\u0000')) throw nulRefused(container, key);
      const child = record[key];
      if (child === null) delete record[key];
      else visit(child, container, key, pending);
    }
  }
  return body;
}

/** An object or list still to walk, and where it is (the path is only spelled out for an error). */
interface Container {
  value: object;
  depth: number;
  parent: Container | undefined;
  key: string | number;
}

function visit(value: unknown, parent: Container, key: string | number, pending: Container[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw nulRefused(parent, key);
  } else if (typeof value === 'object' && value !== null) {
    pending.push({ value, depth: parent.depth + 1, parent, key });
  }
}

/** 400 naming the field, as the validation names fields: `items[3].purpose`. */
function nulRefused(parent: Container, key: string | number): DomainError {
  let field = typeof key === 'number' ? `[${key}]` : key;
  for (let at: Container | undefined = parent; at?.parent !== undefined; at = at.parent) {
    const step = typeof at.key === 'number' ? `[${at.key}]` : at.key;
    field = `${step}${field.startsWith('[') ? '' : '.'}${field}`;
  }
  return new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid', {
    errors: [{ field, message: 'tidak boleh memuat karakter NUL (\\u0000)' }],
  });
}

const POISONED = new Error('prototype poisoning');

function mayPoison(text: string): boolean {
  return text.includes('__proto__') || text.includes('constructor') || text.includes('\\u');
}

function refusePoisoning(key: string, value: unknown): unknown {
  if (key === '__proto__') throw POISONED;
  if (key === 'constructor' && typeof value === 'object' && value !== null && Object.hasOwn(value, 'prototype')) {
    throw POISONED;
  }
  return value;
}
