import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Consumers, DocumentSetIssuedEvent, EventSubjects, Streams } from '#lib/contracts';
import { EventConsumerHost } from '#lib/platform/events';
import { ApplicationIssuanceService } from '../applications/application-issuance.service.js';

/** JetStream adapter: an issued document set closes its application (APPROVED → ISSUED). */
@Injectable()
export class IssuanceConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly host: EventConsumerHost,
    private readonly issuance: ApplicationIssuanceService,
  ) {}

  onApplicationBootstrap(): void {
    this.host.subscribe({
      stream: Streams.DOCUMENTS,
      durable: Consumers.APPLICATIONS_RECORDS_ISSUANCE,
      subject: EventSubjects.DOCUMENT_SET_ISSUED,
      messageClass: DocumentSetIssuedEvent,
      handle: (event) => this.issuance.recordIssued(event),
    });
  }
}
