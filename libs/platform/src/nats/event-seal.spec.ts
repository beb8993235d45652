import { describe, expect, it } from '@jest/globals';
import { createUser } from '@nats-io/nkeys';
import { IsString } from 'class-validator';
import { DomainError } from '#lib/domain';
import { BaseConfig } from '../config/base.config.js';
import { canonicalJson, EventSealer, EventSealVerifier } from './event-seal.js';

class Announced {
  @IsString()
  id: string;

  @IsString()
  text: string;

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
  const expected = { producer: 'identity', subject: 'identity.thing.done', messageClass: Announced };

  it('writes JSON with sorted keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('verifies what its producer sealed, after a JSONB round trip reordered the keys', async () => {
    const event: Announced = { id: '1', text: 'hello' };
    event.seal = await new EventSealer('identity', producer.seed).seal(expected.subject, Announced, event);
    const reordered = { seal: event.seal, text: 'hello', id: '1' };
    await expect(verifier.verify(reordered, expected)).resolves.toBe(true);
  });

  it('refuses no seal, another content, another producer, another subject and a borrowed name', async () => {
    const event: Announced = { id: '1', text: 'hello' };
    const seal = await new EventSealer('identity', producer.seed).seal(expected.subject, Announced, event);
    await expect(verifier.verify({ ...event }, expected)).resolves.toBe('no seal');
    await expect(verifier.verify({ ...event, seal: 'x.y' }, expected)).resolves.toBe('malformed seal');
    await expect(verifier.verify({ ...event, text: 'bye', seal }, expected)).resolves.toBe(
      'content differs from the seal',
    );
    await expect(verifier.verify({ ...event, seal }, { ...expected, subject: 'identity.other' })).resolves.toBe(
      'seal of another subject',
    );
    const byOther = await new EventSealer('documents', other.seed).seal(expected.subject, Announced, event);
    await expect(verifier.verify({ ...event, seal: byOther }, expected)).resolves.toBe(
      'sealed by documents, not identity',
    );
    const [header, , signature] = byOther.split('.');
    const claims = JSON.parse(Buffer.from(seal.split('.')[1], 'base64url').toString()) as object;
    const posing = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    await expect(verifier.verify({ ...event, seal: posing }, expected)).resolves.toBe('bad seal signature');
  });

  it('refuses for a consumer with AUTH.FORBIDDEN (dead-lettered at once), naming the event by id only', async () => {
    const event: Announced = { id: '1', text: 'hello' };
    const check = { ...expected, refused: 'Announcement 1' };
    const refusal = await verifier.assertSealed({ ...event }, check).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'AUTH.FORBIDDEN', message: 'Announcement 1 refused: no seal' });
    event.seal = await new EventSealer('identity', producer.seed).seal(expected.subject, Announced, event);
    await expect(verifier.assertSealed(event, check)).resolves.toBeUndefined();
  });

  it('seals with the nkey of the configuration, or not at all where none is configured', () => {
    expect(
      EventSealer.fromConfig(Object.assign(new BaseConfig(), { NATS_NKEY_SEED: producer.seed }), 'identity'),
    ).toBeInstanceOf(EventSealer);
    expect(EventSealer.fromConfig(new BaseConfig(), 'identity')).toBeUndefined();
  });
});
