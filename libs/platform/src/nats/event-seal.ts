import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { DomainError } from '#lib/domain';
import type { BaseConfig } from '../config/base.config.js';
import { ed25519FromPublicNkey, ed25519FromSeed, valueOrFile } from './nats-identity.js';
import { receivedEvent } from './received-event.js';

/**
 * An event's seal: its producer's signature (the app's nkey, Ed25519) over the event's content,
 * so a consumer can tell the event came from its one producer — not from the operator's key
 * (which may publish every event subject to replay dead letters) nor from anything else that
 * reached the subject. A compact JWS: `{ iss: app, sub: subject, dig: SHA-256 of the event }`.
 * No expiry: an event may wait in its stream for days.
 *
 * The digest covers the event as its consumer's handler sees it: parsed into its message class
 * and validated with the whitelist (`receivedEvent`: the sealer makes that pass itself, in
 * `sealableForm`; a consumer's `EventConsumerHost` has made it before the handler checks the
 * seal), then written with sorted keys, so the database's JSONB round trip in the outbox and key
 * order do not matter.
 */
export const SEAL_FIELD = 'seal';

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** JSON with object keys sorted at every depth; `undefined` members dropped as JSON does. */
export function canonicalJson(value: unknown): string {
  const sortKeys = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(sortKeys);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.keys(node)
          .sort()
          .map((key) => [key, sortKeys((node as Record<string, unknown>)[key])]),
      );
    }
    return node;
  };
  return JSON.stringify(sortKeys(JSON.parse(JSON.stringify(value)) as unknown));
}

/** What the digest covers: the event without its seal, as the consumer's validation leaves it. */
export async function sealableForm<T extends object>(messageClass: new () => T, event: object): Promise<string> {
  // As it will arrive (through JSON); a rule it breaks is the consumer's to refuse, not the seal's.
  const { event: received } = await receivedEvent(messageClass, JSON.parse(JSON.stringify(event)) as object);
  return sealedContent(received);
}

/** The canonical JSON of an event without its seal: every other field it has, none left out. */
function sealedContent(event: object): string {
  const { [SEAL_FIELD]: _seal, ...content } = event as Record<string, unknown>;
  return canonicalJson(content);
}

function digestOf(form: string): string {
  return createHash('sha256').update(form).digest('base64url');
}

export class EventSealer {
  private readonly key: KeyObject;

  /** The app's sealer from its nkey (NATS_NKEY_SEED[_FILE]); none where no key is configured (never in production). */
  static fromConfig(config: BaseConfig, app: string): EventSealer | undefined {
    const seed = valueOrFile(config.NATS_NKEY_SEED, config.NATS_NKEY_SEED_FILE);
    return seed === undefined ? undefined : new EventSealer(app, seed);
  }

  constructor(
    readonly app: string,
    seed: string,
  ) {
    this.key = ed25519FromSeed(seed);
  }

  async seal<T extends object>(subject: string, messageClass: new () => T, event: T): Promise<string> {
    const header = b64url(JSON.stringify({ alg: 'EdDSA', typ: 'event-seal' }));
    const dig = digestOf(await sealableForm(messageClass, event));
    const payload = b64url(JSON.stringify({ iss: this.app, sub: subject, dig }));
    return `${header}.${payload}.${b64url(sign(null, Buffer.from(`${header}.${payload}`), this.key))}`;
  }
}

export class EventSealVerifier {
  private readonly keys = new Map<string, KeyObject>();

  constructor(peers: Record<string, string>) {
    for (const [app, nkey] of Object.entries(peers)) this.keys.set(app, ed25519FromPublicNkey(nkey));
  }

  /**
   * For a consumer: throws AUTH.FORBIDDEN — permanent, so the event is dead-lettered on its first
   * delivery — unless the event is its producer's. `refused` names it in the reason (an id, never
   * personal data: the reason is logged and shown to the operator).
   */
  assertSealed(event: object, expected: { producer: string; subject: string; refused: string }): void {
    const verdict = this.verify(event, expected);
    if (verdict !== true) throw new DomainError('AUTH.FORBIDDEN', `${expected.refused} refused: ${verdict}`);
  }

  /**
   * `true`, or why the event is not its producer's. `event` is the event as the consumer's
   * validation left it — the very instance `EventConsumerHost` hands its handler — and is not
   * parsed or validated again here: the digest is compared with every field the event has, so
   * the handler acts on exactly what was sealed, and a field the validation would have dropped
   * (an event not validated first) makes the content differ: refused, never let through.
   */
  verify(event: object, expected: { producer: string; subject: string }): true | string {
    const seal = (event as Record<string, unknown>)[SEAL_FIELD];
    if (typeof seal !== 'string' || seal === '') return 'no seal';
    const parts = seal.split('.');
    if (parts.length !== 3) return 'malformed seal';
    let claims: { iss?: unknown; sub?: unknown; dig?: unknown };
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as typeof claims;
    } catch {
      return 'malformed seal';
    }
    if (claims.iss !== expected.producer) return `sealed by ${String(claims.iss)}, not ${expected.producer}`;
    const key = this.keys.get(expected.producer);
    if (key === undefined) return `no key for ${expected.producer}`;
    if (!verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2], 'base64url'))) {
      return 'bad seal signature';
    }
    if (claims.sub !== expected.subject) return 'seal of another subject';
    if (claims.dig !== digestOf(sealedContent(event))) return 'content differs from the seal';
    return true;
  }
}
