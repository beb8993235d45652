import { DomainError } from '#lib/domain';
import { acceptedBody, jsonObject, jsonTextMayHoldRefused } from '../http/accepted-input.js';

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
  return acceptedBody(jsonObject(body), { fromCleanText: !jsonTextMayHoldRefused(text) });
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
