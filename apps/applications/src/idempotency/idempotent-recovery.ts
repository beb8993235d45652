import type { Principal } from '#lib/contracts';
import type { IdempotentRecovery } from '#lib/platform/idempotency';
import { ApplicationQueryService } from '../applications/application-query.service.js';
import { AttachmentService } from '../attachments/attachment.service.js';

/*
 * Answers for a retry whose first attempt committed but died before its answer was written
 * (libs/platform idempotency): the application or the evidence file as it stands now.
 */

/** A step on an application named in the request (cancel, verify, return, reject, approve, resubmit). */
export const applicationNamedInRequest: IdempotentRecovery = (get, request) =>
  get(ApplicationQueryService).get({
    principal: request['principal'] as Principal,
    applicationId: request['applicationId'] as string,
  });

/** A submission: the application its transaction inserted. */
export const applicationCreated: IdempotentRecovery = (get, request, resource) => {
  if (!resource) return Promise.reject(new Error('no application recorded with the key'));
  return get(ApplicationQueryService).get({ principal: request['principal'] as Principal, applicationId: resource.id });
};

/** An evidence upload: the attachment its transaction inserted. */
export const attachmentCreated: IdempotentRecovery = (get, request, resource) => {
  if (!resource?.applicationId) return Promise.reject(new Error('no attachment recorded with the key'));
  return get(AttachmentService).get({
    principal: request['principal'] as Principal,
    applicationId: resource.applicationId,
    attachmentId: resource.id,
  });
};
