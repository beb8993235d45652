import 'reflect-metadata';
import { MessagePattern } from '@nestjs/microservices';
import type { RpcDefinition } from '#lib/contracts';

/**
 * Marks a message handler for one RPC definition: `@RpcHandler(ApplicationsRpc.APPLICATION_GET)`.
 * The compiler checks that the method takes that definition's request and returns its reply;
 * at start-up, that the parameter's class — the one the ValidationPipe validates — is the
 * definition's own, not a look-alike. Use with `@Payload()` on the request parameter.
 */
export function RpcHandler<Req extends object, Reply>(rpc: RpcDefinition<Req, Reply>) {
  return <M extends (request: Req, ...rest: never[]) => Reply | Promise<Reply>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    const parameterTypes = Reflect.getMetadata('design:paramtypes', target, key) as unknown[] | undefined;
    const taken = parameterTypes?.[0];
    if (taken !== rpc.request) {
      const name = typeof taken === 'function' ? taken.name : String(taken);
      throw new Error(
        `${target.constructor.name}.${String(key)} handles ${rpc.subject}, whose request class is ` +
          `${rpc.request.name}, but its first parameter is ${name}`,
      );
    }
    MessagePattern(rpc.subject)(target, key, descriptor);
  };
}
