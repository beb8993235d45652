import { ServiceName } from './service-names.js';

/** The class of a request message: instantiated and validated with class-validator on receipt. */
export type RequestClass<T extends object> = new (...args: never[]) => T;

/**
 * One NATS request/reply subject with its request class and reply type, declared once in
 * `<service>/rpc.ts` and used by both sides: the caller (`RpcClient.call`) and the handler
 * (`@RpcHandler`), so the subject, the class validated on receipt and the reply cannot drift.
 */
export interface RpcDefinition<Req extends object, Reply> {
  readonly subject: string;
  /** The service that answers (the subject's first token): named in SERVICE.UNAVAILABLE errors. */
  readonly service: ServiceName;
  readonly request: RequestClass<Req>;
  /** Type-level only (always `undefined`): carries the reply type to callers. */
  readonly reply?: Reply;
}

/** Any definition, whatever its request and reply (for code that only needs the subject). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRpcDefinition = RpcDefinition<any, unknown>;
export type RpcRequest<D> = D extends RpcDefinition<infer Req, unknown> ? Req : never;
export type RpcReply<D> = D extends RpcDefinition<object, infer Reply> ? Reply : never;

const SERVICES: ReadonlySet<string> = new Set(Object.values(ServiceName));

/**
 * Declares a subject with its request class; `.returns<Reply>()` names the reply type:
 * `defineRpc(ApplicationsPatterns.APPLICATION_GET, GetApplicationRequest).returns<ApplicationView>()`.
 */
export function defineRpc<Req extends object>(
  subject: string,
  request: RequestClass<Req>,
): { returns<Reply>(): RpcDefinition<Req, Reply> } {
  const service = subject.slice(0, subject.indexOf('.'));
  if (!SERVICES.has(service)) throw new Error(`RPC subject "${subject}" does not start with a service name`);
  return {
    returns: <Reply>(): RpcDefinition<Req, Reply> =>
      Object.freeze({ subject, service: service as ServiceName, request }),
  };
}
