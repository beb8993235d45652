/**
 * Durable hand-offs between services go over NATS JetStream (request/reply is for queries).
 * Each service owns one stream holding only its own events; event subjects never overlap a
 * request subject, or the stream would answer requests with its publish acknowledgements.
 */
export const EventSubjects = {
  /** An official approved an application: identity applies it to the registry. */
  APPLICATION_APPROVED: 'applications.application.approved',
  /** Identity applied an approved application: documents issues what it lists. */
  REGISTRY_CHANGE_APPLIED: 'identity.registry.change-applied',
  /** Documents issued an application's document set: the application becomes ISSUED. */
  DOCUMENT_SET_ISSUED: 'documents.document-set.issued',
} as const;
export type EventSubject = (typeof EventSubjects)[keyof typeof EventSubjects];

export interface StreamDefinition {
  name: string;
  subjects: string[];
}

export const Streams = {
  APPLICATIONS: { name: 'APPLICATIONS_EVENTS', subjects: [EventSubjects.APPLICATION_APPROVED] },
  IDENTITY: { name: 'IDENTITY_EVENTS', subjects: [EventSubjects.REGISTRY_CHANGE_APPLIED] },
  DOCUMENTS: { name: 'DOCUMENTS_EVENTS', subjects: [EventSubjects.DOCUMENT_SET_ISSUED] },
} as const satisfies Record<string, StreamDefinition>;

/** Durable consumer names: one per consuming service and event, shared by its replicas. */
export const Consumers = {
  IDENTITY_APPLIES_APPROVALS: 'identity-applies-approvals',
  DOCUMENTS_ISSUES_DOCUMENTS: 'documents-issues-documents',
  APPLICATIONS_RECORDS_ISSUANCE: 'applications-records-issuance',
} as const;

/**
 * The one event subject each durable consumer reads. A dead letter goes back only to its
 * consumer's subject: the operator's key may publish every event, so a letter a service wrote
 * naming another subject (a forged "registry change applied") must not be replayed there.
 */
export const ConsumerSubjects: Readonly<Record<string, EventSubject>> = {
  [Consumers.IDENTITY_APPLIES_APPROVALS]: EventSubjects.APPLICATION_APPROVED,
  [Consumers.DOCUMENTS_ISSUES_DOCUMENTS]: EventSubjects.REGISTRY_CHANGE_APPLIED,
  [Consumers.APPLICATIONS_RECORDS_ISSUANCE]: EventSubjects.DOCUMENT_SET_ISSUED,
};
