/**
 * NATS subjects of the applications service: `<service>.<entity>.<verb>` (STYLE.md rule 1).
 * None of them overlaps the service's event subject (`applications.application.approved`,
 * events/streams.ts), or the JetStream stream would answer requests.
 */
export const ApplicationsPatterns = {
  HEALTH_CHECK: 'applications.health.check',

  // Residents apply and correct (API.md "Applications")
  APPLICATION_SUBMIT: 'applications.application.submit',
  APPLICATION_RESUBMIT: 'applications.application.resubmit',
  APPLICATION_CANCEL: 'applications.application.cancel',

  // Staff work the queue of their regency
  APPLICATION_VERIFY: 'applications.application.verify',
  APPLICATION_RETURN: 'applications.application.return',
  APPLICATION_REJECT: 'applications.application.reject',
  APPLICATION_APPROVE: 'applications.application.approve',

  // Reads
  APPLICATION_GET: 'applications.application.get',
  APPLICATION_LIST: 'applications.application.list',

  // Evidence: uploads and downloads travel in chunks small enough for a NATS message; the
  // upload session lives in the applications database, so any replica serves any chunk.
  ATTACHMENT_UPLOAD_START: 'applications.attachment-upload.start',
  ATTACHMENT_UPLOAD_CHUNK: 'applications.attachment-upload.chunk',
  ATTACHMENT_UPLOAD_FINISH: 'applications.attachment-upload.finish',
  ATTACHMENT_GET: 'applications.attachment.get',
  ATTACHMENT_READ: 'applications.attachment.read',
} as const;
export type ApplicationsPattern = (typeof ApplicationsPatterns)[keyof typeof ApplicationsPatterns];
