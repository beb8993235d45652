import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { DocumentSetIssuedEvent, EventSubjects, RegistryChangeAppliedEvent } from '#lib/contracts';
import { EventSealer } from '#lib/platform/rpc';
import type { NatsUser, Stack } from './stack.js';

/**
 * Acting as another service on the stack's JetStream: publish an event as its producer would
 * (with its producer's NATS identity, the only one allowed to publish it, and a message id),
 * and read what a service published (as the test-only observer, which may only read).
 */
/** The events their consumer takes only sealed by their producer: who seals each, and its class. */
const SEALED: Record<string, { producer: NatsUser; messageClass: new () => object }> = {
  [EventSubjects.REGISTRY_CHANGE_APPLIED]: { producer: 'identity', messageClass: RegistryChangeAppliedEvent },
  [EventSubjects.DOCUMENT_SET_ISSUED]: { producer: 'documents', messageClass: DocumentSetIssuedEvent },
};

export class EventProbe {
  private readonly producers = new Map<NatsUser, NatsConnection>();

  private constructor(
    private readonly stack: Stack,
    private readonly nc: NatsConnection,
  ) {}

  static async connect(stack: Stack): Promise<EventProbe> {
    return new EventProbe(stack, await connect({ servers: stack.natsUrl, ...stack.natsAs('observer') }));
  }

  async ensureStream(name: string, subjects: string[]): Promise<void> {
    const jsm = await jetstreamManager(this.nc);
    await jsm.streams.info(name).catch(() => jsm.streams.add({ name, subjects }));
  }

  /**
   * Published as the subject's owning service (`applications.…` by applications, …); a registry
   * change or an issued document set is sealed with its producer's key, as the producer seals it
   * (its consumer takes nothing else).
   */
  async publish(subject: string, payload: object, msgID: string = randomUUID()): Promise<void> {
    const sealed = SEALED[subject];
    if (sealed !== undefined && !('seal' in payload)) {
      const sealer = new EventSealer(sealed.producer, this.stack.nats.seeds[sealed.producer]);
      payload = { ...payload, seal: await sealer.seal(subject, sealed.messageClass, payload) };
    }
    const producer = subject.split('.')[0] as NatsUser;
    let nc = this.producers.get(producer);
    if (nc === undefined) {
      nc = await connect({ servers: this.stack.natsUrl, ...this.stack.natsAs(producer) });
      this.producers.set(producer, nc);
    }
    await jetstream(nc).publish(subject, JSON.stringify(payload), { msgID });
  }

  /** Every message of a stream's subject so far, oldest first; waits until `until` holds. */
  async read<T>(stream: string, subject: string, until: (messages: T[]) => boolean, timeoutMs = 20_000): Promise<T[]> {
    const deadline = Date.now() + timeoutMs;
    const jsm = await jetstreamManager(this.nc);
    for (;;) {
      const messages: T[] = [];
      const info = await jsm.streams.info(stream).catch(() => undefined);
      for (let seq = info?.state.first_seq ?? 1; info && seq <= info.state.last_seq; seq++) {
        const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
        if (message && message.subject === subject) messages.push(message.json<T>());
      }
      if (until(messages) || Date.now() > deadline) return messages;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async close(): Promise<void> {
    for (const nc of this.producers.values()) await nc.close();
    await this.nc.close();
  }
}
