import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { AUDIT_ANCHORS_STREAM, type SignedAnchor } from '#lib/contracts';

/**
 * The anchors kept in the AUDIT_ANCHORS stream, oldest first (at most `limit`, the newest
 * ones). Read with an ordered (ephemeral) consumer: nothing is acknowledged or changed.
 */
export async function readAnchors(nc: NatsConnection, limit = 100_000): Promise<SignedAnchor[]> {
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(AUDIT_ANCHORS_STREAM.name).catch(() => undefined);
  if (info === undefined || info.state.messages === 0) return [];
  const first = Math.max(info.state.first_seq, info.state.last_seq - limit + 1);
  const consumer = await jetstream(nc).consumers.get(AUDIT_ANCHORS_STREAM.name, { opt_start_seq: first });
  const wanted = info.state.last_seq - first + 1;
  const anchors: SignedAnchor[] = [];
  while (anchors.length < wanted) {
    const batch = await consumer.fetch({ max_messages: Math.min(wanted - anchors.length, 1000), expires: 3000 });
    let got = 0;
    for await (const message of batch) {
      got++;
      anchors.push(message.json<SignedAnchor>());
      if (message.seq >= info.state.last_seq) break;
    }
    if (got === 0) break;
    if (anchors.length > 0 && anchors.length >= wanted) break;
  }
  return anchors;
}
