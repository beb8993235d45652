import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Consumers, DocumentSetIssuedEvent, EventSubjects, ServiceName, Streams } from '#lib/contracts';
import { APP_CONFIG, type BaseConfig } from '#lib/platform/core';
import { EventConsumerHost } from '#lib/platform/events';
import { EventSealVerifier, natsPeersOf } from '#lib/platform/rpc';
import { ApplicationIssuanceService } from '../applications/application-issuance.service.js';

/**
 * JetStream adapter: an issued document set closes its application (APPROVED → ISSUED) — only
 * one that documents, its one producer, sealed. Subject permissions let only documents publish
 * the subject, but the operator's replay key may publish every event; the seal (documents' nkey
 * over the content) is what applications checks before it records anything. A refusal is
 * permanent (dead-lettered on first delivery). Where the apps know no peers' keys (NATS_PEERS
 * unset: never in production), there is nothing to check against.
 */
@Injectable()
export class IssuanceConsumer implements OnApplicationBootstrap {
  private readonly seals: EventSealVerifier | undefined;

  constructor(
    private readonly host: EventConsumerHost,
    private readonly issuance: ApplicationIssuanceService,
    @Inject(APP_CONFIG) config: BaseConfig,
  ) {
    const peers = natsPeersOf(config, ServiceName.APPLICATIONS);
    this.seals = peers === undefined ? undefined : new EventSealVerifier(peers);
  }

  onApplicationBootstrap(): void {
    this.host.subscribe({
      stream: Streams.DOCUMENTS,
      durable: Consumers.APPLICATIONS_RECORDS_ISSUANCE,
      subject: EventSubjects.DOCUMENT_SET_ISSUED,
      messageClass: DocumentSetIssuedEvent,
      handle: async (event) => {
        // On the event as the host validated it: the seal must cover exactly what is recorded.
        this.seals?.assertSealed(event, {
          producer: ServiceName.DOCUMENTS,
          subject: EventSubjects.DOCUMENT_SET_ISSUED,
          refused: `Issued document set of application ${event.applicationId}`,
        });
        await this.issuance.recordIssued(event);
      },
    });
  }
}
