import { ClientProxyFactory, NatsRecordBuilder, type ClientProxy } from '@nestjs/microservices';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { firstValueFrom, timeout } from 'rxjs';
import type { Principal } from '#lib/contracts';
import { natsClientOptions } from '#lib/platform/rpc';
import type { Stack } from '../support/stack.js';

/** Identity's subjects for the other services: applications asks them. */
const INTERNAL = /^identity\.(persons\.get|family\.get|family\.find-by-member)$/;

/**
 * A NATS requester for integration tests: talks to the identity service as another app would —
 * as applications for the internal registry subjects, as the gateway for the rest, each with
 * its own NATS key and signed caller assertion, and with an access token for the `principal`
 * of a request (signed with the stack's key, as identity signs them).
 */
export class IdentityTestClient {
  private readonly clients = new Map<'gateway' | 'applications', ClientProxy>();

  constructor(private readonly stack: Stack) {}

  async request<T>(subject: string, payload: object, timeoutMs = 15_000): Promise<T> {
    const app = INTERNAL.test(subject) ? 'applications' : 'gateway';
    let client = this.clients.get(app);
    if (client === undefined) {
      client = ClientProxyFactory.create(natsClientOptions(this.stack.natsUrl, `test-${app}`, this.stack.natsAs(app)));
      this.clients.set(app, client);
    }
    const principal = (payload as { principal?: Principal }).principal;
    const token =
      principal === undefined
        ? undefined
        : await this.stack.signToken({
            sub: principal.accountId,
            role: principal.role,
            ...(principal.regencyCode === undefined ? {} : { regencyCode: principal.regencyCode }),
            ...(principal.nik === undefined ? {} : { nik: principal.nik }),
            ...(principal.username === undefined ? {} : { username: principal.username }),
          });
    const headers = natsHeaders();
    for (const [name, value] of Object.entries(this.stack.callerHeaders(app, subject, token))) headers.set(name, value);
    const record = new NatsRecordBuilder(payload).setHeaders(headers).build();
    return firstValueFrom(client.send<T>(subject, record).pipe(timeout(timeoutMs)));
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

  async close(): Promise<void> {
    for (const client of this.clients.values()) await client.close();
  }
}
