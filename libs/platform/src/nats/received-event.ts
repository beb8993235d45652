import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

/**
 * An event as its consumer receives it: the JSON parsed into its message class and validated
 * with the whitelist (a field the class does not declare is dropped, not refused: a newer
 * producer may add one). `EventConsumerHost` hands handlers this instance, after refusing one
 * with `invalid` properties; `EventSealer` seals this form, so that a consumer's seal check
 * compares the seal with the very instance it acts on — one pass, and both sides make it alike.
 */
export async function receivedEvent<T extends object>(
  messageClass: new () => T,
  json: object,
): Promise<{ event: T; invalid: string[] }> {
  const event = plainToInstance(messageClass, json);
  const errors = await validate(event, { whitelist: true, forbidNonWhitelisted: false });
  return { event, invalid: errors.map((error) => error.property) };
}
