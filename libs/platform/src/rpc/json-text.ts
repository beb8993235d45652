/**
 * A reply a handler has already written as JSON text (a batch's 1,000 results, built as text
 * without an object per result): PlainRpcServer sends it as it is instead of serializing it, and
 * the gateway relays it unparsed (`RpcClient.callRaw`). Anything else that serializes it (the
 * idempotency store keeping the outcome, Nest's serializer) gets the value it encodes
 * (`toJSON`), so it is never stored or sent as anything but that JSON.
 */
export class JsonText<T = unknown> {
  /** `text` must be valid JSON of a T: its writer's tests check that it parses to what it stands for. */
  constructor(readonly text: string) {}

  toJSON(): T {
    return JSON.parse(this.text) as T;
  }
}
