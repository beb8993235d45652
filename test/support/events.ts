import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';

/**
 * Acting as another service on the stack's JetStream: publish an event as its producer would
 * (with a message id), and read what a service published.
 */
export class EventProbe {
  private constructor(private readonly nc: NatsConnection) {}

  static async connect(natsUrl: string): Promise<EventProbe> {
    return new EventProbe(await connect({ servers: natsUrl }));
  }

  async ensureStream(name: string, subjects: string[]): Promise<void> {
    const jsm = await jetstreamManager(this.nc);
    await jsm.streams.info(name).catch(() => jsm.streams.add({ name, subjects }));
  }

  async publish(subject: string, payload: object, msgID: string = randomUUID()): Promise<void> {
    await jetstream(this.nc).publish(subject, JSON.stringify(payload), { msgID });
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
    await this.nc.close();
  }
}
