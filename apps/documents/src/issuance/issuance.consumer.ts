import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Consumers, EventSubjects, RegistryChangeAppliedEvent, Streams } from '#lib/contracts';
import { EventConsumerHost } from '#lib/platform/events';
import { IssuanceService } from './issuance.service.js';

/** JetStream adapter: every applied registry change becomes its document set. */
@Injectable()
export class IssuanceConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly host: EventConsumerHost,
    private readonly issuance: IssuanceService,
  ) {}

  onApplicationBootstrap(): void {
    this.host.subscribe({
      stream: Streams.IDENTITY,
      durable: Consumers.DOCUMENTS_ISSUES_DOCUMENTS,
      subject: EventSubjects.REGISTRY_CHANGE_APPLIED,
      messageClass: RegistryChangeAppliedEvent,
      handle: async (event) => {
        await this.issuance.issue(event);
      },
    });
  }
}
