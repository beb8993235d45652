import { describe, expect, it } from '@jest/globals';
import { createUser } from '@nats-io/nkeys';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { DomainError } from '#lib/domain';
import { BaseConfig } from '../config/base.config.js';
import { canonicalJson, EventSealer, EventSealVerifier } from './event-seal.js';
import { receivedEvent } from './received-event.js';

class Author {
  @IsString()
  name: string;
}

class Announced {
  @IsString()
  id: string;

  @IsString()
  text: string;

  @ValidateNested()
  @Type(() => Author)
  author: Author;

  /** Free-form, as a family in a registry change is: validation keeps all of it. */
  @IsObject()
  details: Record<string, unknown>;

  /** Declared, as in the contracts: the consumer's validation would drop it otherwise (then: no seal). */
  @IsOptional()
  @IsString()
  seal?: string;
}

const keys = (): { seed: string; nkey: string } => {
  const user = createUser();
  return { seed: new TextDecoder().decode(user.getSeed()), nkey: user.getPublicKey() };
};

describe('event seals', () => {
  const producer = keys();
  const other = keys();
  const verifier = new EventSealVerifier({ identity: producer.nkey, documents: other.nkey });
  const expected = { producer: 'identity', subject: 'identity.thing.done' };
  const announcement = (): Announced => ({
    id: '1',
    text: 'hello',
    author: { name: 'BUDI' },
    details: { rt: '001', members: [{ name: 'SITI' }] },
  });
  const sealOf = (event: Announced, app = 'identity', seed = producer.seed): Promise<string> =>
    new EventSealer(app, seed).seal(expected.subject, Announced, event);
  /** As the consumer's handler gets it: through JSON, then `receivedEvent` (EventConsumerHost). */
  const received = async (event: object): Promise<Announced> =>
    (await receivedEvent(Announced, JSON.parse(JSON.stringify(event)) as object)).event;

  it('writes JSON with sorted keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('verifies what its producer sealed, after a JSONB round trip reordered the keys', async () => {
    const event = announcement();
    event.seal = await sealOf(event);
    const reordered = { seal: event.seal, details: event.details, author: event.author, text: 'hello', id: '1' };
    expect(verifier.verify(reordered, expected)).toBe(true);
    expect(verifier.verify(await received(reordered), expected)).toBe(true);
  });

  it('refuses no seal, another content, another producer, another subject and a borrowed name', async () => {
    const event = announcement();
    const seal = await sealOf(event);
    expect(verifier.verify({ ...event }, expected)).toBe('no seal');
    expect(verifier.verify({ ...event, seal: 'x.y' }, expected)).toBe('malformed seal');
    expect(verifier.verify({ ...event, text: 'bye', seal }, expected)).toBe('content differs from the seal');
    expect(verifier.verify({ ...event, seal }, { ...expected, subject: 'identity.other' })).toBe(
      'seal of another subject',
    );
    const byOther = await sealOf(event, 'documents', other.seed);
    expect(verifier.verify({ ...event, seal: byOther }, expected)).toBe('sealed by documents, not identity');
    const [header, , signature] = byOther.split('.');
    const claims = JSON.parse(Buffer.from(seal.split('.')[1], 'base64url').toString()) as object;
    const posing = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    expect(verifier.verify({ ...event, seal: posing }, expected)).toBe('bad seal signature');
  });

  it('refuses a change deep inside the event, as the consumer received it', async () => {
    const event = announcement();
    const seal = await sealOf(event);
    const altered = [
      { ...event, author: { name: 'ANDI' } },
      { ...event, details: { ...event.details, rt: '002' } },
      { ...event, details: { ...event.details, members: [{ name: 'SITI' }, { name: 'ANDI' }] } },
      // A field added where validation keeps everything (a family's members) is content too.
      { ...event, details: { ...event.details, members: [{ name: 'SITI', nik: '1602050101900001' }] } },
    ];
    for (const forged of altered) {
      expect(verifier.verify(await received({ ...forged, seal }), expected)).toBe('content differs from the seal');
    }
    expect(verifier.verify(await received({ ...event, seal }), expected)).toBe(true);
  });

  it('checks the seal against exactly what the handler gets: a field validation drops is gone, never unchecked', async () => {
    const event = announcement();
    const seal = await sealOf(event);
    const added = { ...event, seal, role: 'OFFICIAL', author: { name: 'BUDI', role: 'OFFICIAL' } };
    // The consumer's validation drops fields its class does not declare: what is left was sealed.
    const handled = await received(added);
    expect(handled).not.toHaveProperty('role');
    expect(handled.author).not.toHaveProperty('role');
    expect(verifier.verify(handled, expected)).toBe(true);
    // An event not validated first is checked with every field it has: refused, not let through.
    expect(verifier.verify(added, expected)).toBe('content differs from the seal');
  });

  it('refuses for a consumer with AUTH.FORBIDDEN (dead-lettered at once), naming the event by id only', async () => {
    const event = announcement();
    const check = { ...expected, refused: 'Announcement 1' };
    let refusal: unknown;
    try {
      verifier.assertSealed({ ...event }, check);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'AUTH.FORBIDDEN', message: 'Announcement 1 refused: no seal' });
    event.seal = await sealOf(event);
    expect(() => verifier.assertSealed(event, check)).not.toThrow();
  });

  it('seals with the nkey of the configuration, or not at all where none is configured', () => {
    expect(
      EventSealer.fromConfig(Object.assign(new BaseConfig(), { NATS_NKEY_SEED: producer.seed }), 'identity'),
    ).toBeInstanceOf(EventSealer);
    expect(EventSealer.fromConfig(new BaseConfig(), 'identity')).toBeUndefined();
  });
});
