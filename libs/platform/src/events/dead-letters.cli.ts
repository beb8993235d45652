// `npm run events:dead-letters`: lists the events that failed every delivery;
// `-- --replay <id>` or `-- --replay all` publishes them to their subject again and removes them.
// NATS_URL says which NATS (default nats://127.0.0.1:4222); NATS_NKEY_SEED_FILE the operator's
// nkey (secrets/nats/nkeys/operator.nk, docs/security.md), NATS_TLS_CA_FILE its CA.
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { ConsumerSubjects } from '#lib/contracts';
import { connect } from '@nats-io/transport-node';
import type { BaseConfig } from '../config/base.config.js';
import { maskNiks } from '../logging/mask.js';
import { natsAuthOf } from '../nats/nats-options.js';
import { formatDeadLetters, listDeadLetters, replayDeadLetter } from './dead-letters.js';

export async function main(args: string[]): Promise<number> {
  const replayAt = args.indexOf('--replay');
  const target = replayAt >= 0 ? args[replayAt + 1] : undefined;
  if (replayAt >= 0 && (target === undefined || !(target === 'all' || /^\d+$/.test(target)))) {
    process.stderr.write('usage: npm run events:dead-letters [-- --replay <id>|all]\n');
    return 2;
  }
  const nc = await connect({
    servers: (process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222').split(',').map((s) => s.trim()),
    name: 'dead-letters-cli',
    ...natsAuthOf(process.env as unknown as BaseConfig, 'operator'),
  });
  try {
    const jsm = await jetstreamManager(nc);
    const letters = await listDeadLetters(jsm);
    if (target === undefined) {
      process.stdout.write(formatDeadLetters(letters));
      return 0;
    }
    const js = jetstream(nc);
    const ids = target === 'all' ? letters.map((l) => l.id) : [Number(target)];
    for (const id of ids) {
      const letter = await replayDeadLetter(js, jsm, id, ConsumerSubjects);
      process.stdout.write(`replayed #${id} to ${letter.subject}\n`);
    }
    if (ids.length === 0) process.stdout.write(formatDeadLetters([]));
    return 0;
  } finally {
    await nc.drain();
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${maskNiks(error instanceof Error ? error.message : String(error))}\n`);
  return 1;
});
