import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Consumers, EventSubjects, RegistryChangeAppliedEvent, ServiceName, Streams } from '#lib/contracts';
import { APP_CONFIG, type BaseConfig } from '#lib/platform/core';
import { EventConsumerHost } from '#lib/platform/events';
import { EventSealVerifier, natsPeersOf } from '#lib/platform/rpc';
import { IssuanceService } from './issuance.service.js';

/**
 * JetStream adapter: every applied registry change becomes its document set — only one that
 * identity, its one producer, sealed. Subject permissions let only identity publish the
 * subject, but the operator's replay key may publish every event; the seal (identity's nkey
 * over the content) is what documents checks before it signs anything. A refusal is permanent
 * (dead-lettered at once). Where the apps know no peers' keys (NATS_PEERS unset: never in
 * production), there is nothing to check against.
 */
@Injectable()
export class IssuanceConsumer implements OnApplicationBootstrap {
  private readonly seals: EventSealVerifier | undefined;

  constructor(
    private readonly host: EventConsumerHost,
    private readonly issuance: IssuanceService,
    @Inject(APP_CONFIG) config: BaseConfig,
  ) {
    const peers = natsPeersOf(config, ServiceName.DOCUMENTS);
    this.seals = peers === undefined ? undefined : new EventSealVerifier(peers);
  }

  onApplicationBootstrap(): void {
    this.host.subscribe({
      stream: Streams.IDENTITY,
      durable: Consumers.DOCUMENTS_ISSUES_DOCUMENTS,
      subject: EventSubjects.REGISTRY_CHANGE_APPLIED,
      messageClass: RegistryChangeAppliedEvent,
      handle: async (event) => {
        this.assertFromIdentity(event);
        await this.issuance.issue(event);
      },
    });
  }

  /** On the event as the host validated it: the seal must cover exactly what is issued. */
  private assertFromIdentity(event: RegistryChangeAppliedEvent): void {
    this.seals?.assertSealed(event, {
      producer: ServiceName.IDENTITY,
      subject: EventSubjects.REGISTRY_CHANGE_APPLIED,
      refused: `Registry change of application ${event.applicationId}`,
    });
  }
}
