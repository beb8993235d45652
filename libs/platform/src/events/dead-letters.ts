import type { JetStreamClient, JetStreamManager, JsMsg, StoredMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { StreamDefinition } from '#lib/contracts';
import { CORRELATION_HEADER } from '../context/request-context.js';
import { maskNiks } from '../logging/mask.js';

/**
 * Events that failed every delivery are moved here, with where they came from and why, instead
 * of being retried forever or silently dropped. An operator lists them and, once the cause is
 * fixed, replays them to their subject (`npm run events:dead-letters`). Handlers are idempotent,
 * so a replay that reaches a consumer which had handled the event already does no harm.
 */
export const DEAD_LETTER_STREAM: StreamDefinition = { name: 'DEAD_LETTERS', subjects: ['dead-letter.>'] };

const H = {
  STREAM: 'Dl-Stream',
  SUBJECT: 'Dl-Subject',
  SEQ: 'Dl-Seq',
  DURABLE: 'Dl-Durable',
  DELIVERIES: 'Dl-Deliveries',
  REASON: 'Dl-Reason',
  AT: 'Dl-At',
} as const;

export interface DeadLetter {
  /** Sequence in the dead-letter stream: what `--replay` takes. */
  id: number;
  stream: string;
  subject: string;
  /** Sequence of the original event in its stream. */
  originalSeq: number;
  durable: string;
  deliveries: number;
  reason: string;
  at: string;
  correlationId?: string;
  payload: string;
}

/** Copies a failed event into the dead-letter stream; the caller then terminates the original. */
export async function deadLetter(js: JetStreamClient, message: JsMsg, durable: string, reason: string): Promise<void> {
  const headers = natsHeaders();
  headers.set(H.STREAM, message.info.stream);
  headers.set(H.SUBJECT, message.subject);
  headers.set(H.SEQ, String(message.seq));
  headers.set(H.DURABLE, durable);
  headers.set(H.DELIVERIES, String(message.info.deliveryCount));
  // Header values are one line of visible text; a reason never keeps a full NIK.
  headers.set(H.REASON, maskNiks(reason.replace(/[\r\n]+/g, ' ')).slice(0, 500));
  headers.set(H.AT, new Date().toISOString());
  const correlationId = message.headers?.get(CORRELATION_HEADER);
  if (correlationId) headers.set(CORRELATION_HEADER, correlationId);
  await js.publish(`dead-letter.${durable}`, message.data, {
    headers,
    // Dead-lettering the same delivery twice (a crash in between) stores it once.
    msgID: `dl:${message.info.stream}:${message.seq}:${durable}`,
    timeout: 5000,
  });
}

function toDeadLetter(stored: StoredMsg): DeadLetter {
  const get = (name: string): string => stored.header?.get(name) ?? '';
  return {
    id: stored.seq,
    stream: get(H.STREAM),
    subject: get(H.SUBJECT),
    originalSeq: Number(get(H.SEQ)),
    durable: get(H.DURABLE),
    deliveries: Number(get(H.DELIVERIES)),
    reason: get(H.REASON),
    at: get(H.AT),
    correlationId: stored.header?.get(CORRELATION_HEADER) || undefined,
    payload: stored.string(),
  };
}

/** Every dead letter still held, oldest first (at most `limit`). */
export async function listDeadLetters(jsm: JetStreamManager, limit = 1000): Promise<DeadLetter[]> {
  let info;
  try {
    info = await jsm.streams.info(DEAD_LETTER_STREAM.name);
  } catch {
    return []; // nothing was ever dead-lettered
  }
  const letters: DeadLetter[] = [];
  if (info.state.messages === 0) return letters;
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && letters.length < limit; seq++) {
    const stored = await jsm.streams.getMessage(DEAD_LETTER_STREAM.name, { seq }).catch(() => null);
    if (stored) letters.push(toDeadLetter(stored));
  }
  return letters;
}

/**
 * Publishes a dead letter to its original subject again (a fresh delivery for every consumer of
 * that subject) and removes it from the dead-letter stream. Returns what was replayed.
 * `consumerSubjects` (the CLI passes the contracts' `ConsumerSubjects`): a letter goes back only
 * to the subject its consumer reads — the letter's headers were written by a service, and the
 * operator's key may publish every event.
 */
export async function replayDeadLetter(
  js: JetStreamClient,
  jsm: JetStreamManager,
  id: number,
  consumerSubjects?: Readonly<Record<string, string>>,
): Promise<DeadLetter> {
  const stored = await jsm.streams.getMessage(DEAD_LETTER_STREAM.name, { seq: id });
  if (!stored) throw new Error(`No dead letter ${id}`);
  const letter = toDeadLetter(stored);
  // The consumer is the one the letter was filed under: NATS lets each service publish only
  // `dead-letter.<its own durable>`, whereas the headers say whatever the service wrote.
  const durable = stored.subject.slice('dead-letter.'.length);
  if (consumerSubjects !== undefined) {
    // Any service may create the dead-letter stream; one created with other subjects or a
    // subject transform could file a letter under another consumer's name: replay nothing then.
    const { config } = await jsm.streams.info(DEAD_LETTER_STREAM.name);
    if (
      config.subject_transform !== undefined ||
      config.subjects?.join(',') !== DEAD_LETTER_STREAM.subjects.join(',')
    ) {
      throw new Error(`The ${DEAD_LETTER_STREAM.name} stream is not as this system creates it: not replayed`);
    }
  }
  if (consumerSubjects !== undefined && consumerSubjects[durable] !== letter.subject) {
    throw new Error(
      `Dead letter ${id} of consumer ${durable} names ${letter.subject}, but that consumer reads ` +
        `${consumerSubjects[durable] ?? 'nothing'}: not replayed`,
    );
  }
  const headers = natsHeaders();
  if (letter.correlationId) headers.set(CORRELATION_HEADER, letter.correlationId);
  // A message id of its own: the original's is still within the stream's duplicate window
  // for ten minutes and would be dropped; replaying the same letter twice stores it once.
  await js.publish(letter.subject, stored.data, { headers, msgID: `replay:${id}`, timeout: 5000 });
  await jsm.streams.deleteMessage(DEAD_LETTER_STREAM.name, id);
  return letter;
}

/**
 * The dead letters as the operator's screen shows them (`npm run events:dead-letters`): one row
 * each, columns aligned. No full NIK anywhere — the approval event names the applicant, and a
 * reason may quote a value: NIKs are masked before the payload is cut, so none is ever half
 * shown. Control characters (a newline, a terminal escape in a forged payload) become spaces, so
 * every letter stays one row and nothing it carries drives the operator's terminal.
 */
export function formatDeadLetters(letters: readonly DeadLetter[]): string {
  if (letters.length === 0) return 'No dead letters.\n';
  const cell = (text: string, limit = Infinity): string => {
    // eslint-disable-next-line no-control-regex -- exactly the characters to take out
    const masked = maskNiks(text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' '));
    return masked.length > limit ? `${masked.slice(0, limit)}…` : masked;
  };
  const rows = [
    ['ID', 'AT', 'SUBJECT', 'FROM', 'CONSUMER', 'DELIVERIES', 'REASON', 'CORRELATION', 'PAYLOAD'],
    ...letters.map((letter) => [
      `#${letter.id}`,
      cell(letter.at),
      cell(letter.subject),
      cell(`${letter.stream} seq ${letter.originalSeq}`),
      cell(letter.durable),
      String(letter.deliveries),
      cell(letter.reason, 120),
      cell(letter.correlationId ?? '-'),
      cell(letter.payload, 160),
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) =>
    row
      .map((text, column) => (column === row.length - 1 ? text : text.padEnd(widths[column])))
      .join('  ')
      .trimEnd(),
  );
  return maskNiks(`${lines.join('\n')}\n`);
}
