import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ApplicationApprovedEvent, Consumers, EventSubjects, Streams } from '#lib/contracts';
import { EventConsumerHost } from '#lib/platform/events';
import { ApprovalCheckService } from './approval-check.service.js';
import { RegistryChangeService } from './registry-change.service.js';

/** JetStream adapter: every approval identity can vouch for is applied to the registry. */
@Injectable()
export class RegistryChangeConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly host: EventConsumerHost,
    private readonly approvals: ApprovalCheckService,
    private readonly changes: RegistryChangeService,
  ) {}

  onApplicationBootstrap(): void {
    this.host.subscribe({
      stream: Streams.APPLICATIONS,
      durable: Consumers.IDENTITY_APPLIES_APPROVALS,
      subject: EventSubjects.APPLICATION_APPROVED,
      messageClass: ApplicationApprovedEvent,
      handle: async (event) => {
        await this.approvals.assertAcceptable(event);
        await this.changes.apply(event);
      },
    });
  }
}
