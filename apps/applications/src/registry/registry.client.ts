import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { NatsRecordBuilder, type ClientProxy } from '@nestjs/microservices';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { IdentityPatterns, type AccountView, type FamilyView, type PersonRecord, type Principal } from '#lib/contracts';
import { DomainError, isErrorCode, type FieldError } from '#lib/domain';
import { APP_CONFIG, CORRELATION_HEADER, currentCorrelationId, Metrics } from '#lib/platform/core';
import type { ApplicationsConfig } from '../config/applications.config.js';

export const IDENTITY_CLIENT = Symbol('IDENTITY_CLIENT');

/** A staff account as the approval event prints it. */
export interface StaffProfile {
  accountId: string;
  fullName?: string;
  nip?: string;
}

/**
 * The applications service's questions to the population registry (identity) over NATS. Every
 * call has a deadline; an identity that does not answer becomes `SERVICE.UNAVAILABLE` (503),
 * and an error identity sent back keeps its code. "Not found" is an answer here, not an error.
 */
@Injectable()
export class RegistryClient implements OnApplicationShutdown {
  constructor(
    @Inject(IDENTITY_CLIENT) private readonly client: ClientProxy,
    @Inject(APP_CONFIG) private readonly config: ApplicationsConfig,
    private readonly metrics: Metrics,
  ) {}

  /** People by NIK; unknown NIKs are simply missing from the map. */
  async persons(niks: readonly string[]): Promise<Map<string, PersonRecord>> {
    const unique = [...new Set(niks)];
    if (unique.length === 0) return new Map();
    const reply = await this.request<{ items: PersonRecord[] }>(IdentityPatterns.PERSONS_GET, { niks: unique });
    return new Map(reply.items.map((person) => [person.nik, person]));
  }

  /** A family with its current members, or `undefined` when there is no such KK. */
  async family(familyCardNumber: string): Promise<FamilyView | undefined> {
    return this.orUndefined(this.request<FamilyView>(IdentityPatterns.FAMILY_GET, { familyCardNumber }));
  }

  /** The current family of a person, or `undefined` when they belong to none. */
  async familyOf(nik: string): Promise<FamilyView | undefined> {
    return this.orUndefined(this.request<FamilyView>(IdentityPatterns.FAMILY_FIND_BY_MEMBER, { nik }));
  }

  /** Name and NIP of a staff member, printed on the documents of what they approve. */
  async staffProfile(principal: Principal): Promise<StaffProfile> {
    const account = await this.request<AccountView & { nip?: string }>(IdentityPatterns.ACCOUNT_GET, { principal });
    const profile: StaffProfile = { accountId: account.id };
    if (account.fullName !== undefined) profile.fullName = account.fullName;
    if (account.nip !== undefined) profile.nip = account.nip;
    return profile;
  }

  private async orUndefined<T>(pending: Promise<T>): Promise<T | undefined> {
    try {
      return await pending;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'FAMILY.NOT_FOUND') return undefined;
      throw error;
    }
  }

  private async request<T>(subject: string, payload: object): Promise<T> {
    const headers = natsHeaders();
    const correlationId = currentCorrelationId();
    if (correlationId) headers.set(CORRELATION_HEADER, correlationId);
    const record = new NatsRecordBuilder(payload).setHeaders(headers).build();
    const stop = this.metrics.natsSent.startTimer({ subject });
    try {
      const result = await firstValueFrom(
        this.client.send<T>(subject, record).pipe(timeout(this.config.NATS_TIMEOUT_MS)),
      );
      stop({ outcome: 'ok' });
      return result;
    } catch (error) {
      stop({ outcome: 'error' });
      throw translate(error);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

interface RemoteError {
  code: string;
  message: string;
  errors?: FieldError[];
  details?: Record<string, unknown>;
}

function translate(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const remote = error as Partial<RemoteError> | null;
  if (typeof remote === 'object' && remote !== null && isErrorCode(remote.code) && typeof remote.message === 'string') {
    // A registry refusal of our own well-formed question is our bug or its outage, never the
    // client's input: only "not found" and "unavailable" keep their meaning.
    if (remote.code === 'FAMILY.NOT_FOUND' || remote.code === 'SERVICE.UNAVAILABLE') {
      return new DomainError(remote.code, remote.message, { details: remote.details });
    }
    return new DomainError('INTERNAL', 'Registri penduduk menolak pertanyaan layanan permohonan');
  }
  const reason = error instanceof TimeoutError ? 'tidak menjawab tepat waktu' : 'tidak dapat dihubungi';
  return new DomainError('SERVICE.UNAVAILABLE', `Layanan identitas (registri penduduk) ${reason}`, {
    details: { service: 'identity' },
  });
}
