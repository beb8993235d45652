import { ClientProxyFactory, type ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { natsClientOptions } from '#lib/platform/rpc';

/** A NATS requester for integration tests: talks to the identity service as another service would. */
export class IdentityTestClient {
  private readonly client: ClientProxy;

  constructor(natsUrl: string) {
    this.client = ClientProxyFactory.create(natsClientOptions(natsUrl, 'identity-test-client'));
  }

  request<T>(subject: string, payload: object, timeoutMs = 15_000): Promise<T> {
    return firstValueFrom(this.client.send<T>(subject, payload).pipe(timeout(timeoutMs)));
  }

  /** The error payload `{ code, message, errors? }` a request was answered with. */
  async failure(subject: string, payload: object): Promise<{ code: string; message: string }> {
    try {
      await this.request(subject, payload);
    } catch (error) {
      return error as { code: string; message: string };
    }
    throw new Error(`${subject} succeeded but was expected to fail`);
  }

  close(): Promise<void> {
    return this.client.close() as Promise<void>;
  }
}
