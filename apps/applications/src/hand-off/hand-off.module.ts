import { Module } from '@nestjs/common';
import { ApplicationsFeatureModule } from '../applications/applications.module.js';
import { IssuanceConsumer } from './issuance.consumer.js';

/**
 * The durable hand-off after approval: the approval's outbox event is published to the
 * APPLICATIONS_EVENTS stream by the outbox relay (EventsModule), identity and documents do
 * their part, and the issued set comes back here.
 */
@Module({
  imports: [ApplicationsFeatureModule],
  providers: [IssuanceConsumer],
})
export class HandOffModule {}
