import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ApplicationActionRequest,
  GetApplicationRequest,
  ListApplicationsRequest,
  ReasonedActionRequest,
  ResubmitApplicationRequest,
  SubmitApplicationRequest,
  VerifyApplicationRequest,
  type ApplicationPage,
  type ApplicationView,
  ApplicationsRpc,
} from '#lib/contracts';
import { RpcHandler } from '#lib/platform/rpc';
import { Idempotent } from '#lib/platform/idempotency';
import { applicationCreated, applicationNamedInRequest } from '../idempotency/idempotent-recovery.js';
import { StaffReadAudit } from '../registry/staff-read-audit.js';
import { ApplicationQueryService } from './application-query.service.js';
import { ApplicationSubmissionService } from './application-submission.service.js';
import { ApplicationWorkflowService } from './application-workflow.service.js';

/** Thin NATS adapter: one service call per subject. */
@Controller()
export class ApplicationsHandler {
  constructor(
    private readonly submissions: ApplicationSubmissionService,
    private readonly workflow: ApplicationWorkflowService,
    private readonly queries: ApplicationQueryService,
    private readonly audit: StaffReadAudit,
  ) {}

  @RpcHandler(ApplicationsRpc.APPLICATION_SUBMIT)
  @Idempotent({ atomic: true, recover: applicationCreated })
  submit(@Payload() request: SubmitApplicationRequest): Promise<ApplicationView> {
    return this.submissions.submit(request);
  }

  @RpcHandler(ApplicationsRpc.APPLICATION_RESUBMIT)
  @Idempotent({ atomic: true, recover: applicationNamedInRequest })
  resubmit(@Payload() request: ResubmitApplicationRequest): Promise<ApplicationView> {
    return this.submissions.resubmit(request);
  }

  @RpcHandler(ApplicationsRpc.APPLICATION_CANCEL)
  @Idempotent({ atomic: true, recover: applicationNamedInRequest })
  cancel(@Payload() request: ApplicationActionRequest): Promise<ApplicationView> {
    return this.workflow.cancel(request);
  }

  @RpcHandler(ApplicationsRpc.APPLICATION_VERIFY)
  @Idempotent({ atomic: true, recover: applicationNamedInRequest })
  verify(@Payload() request: VerifyApplicationRequest): Promise<ApplicationView> {
    return this.workflow.verify(request);
  }

  @RpcHandler(ApplicationsRpc.APPLICATION_RETURN)
  @Idempotent({ atomic: true, recover: applicationNamedInRequest })
  return(@Payload() request: ReasonedActionRequest): Promise<ApplicationView> {
    return this.workflow.return(request);
  }

  @RpcHandler(ApplicationsRpc.APPLICATION_REJECT)
  @Idempotent({ atomic: true, recover: applicationNamedInRequest })
  reject(@Payload() request: ReasonedActionRequest): Promise<ApplicationView> {
    return this.workflow.reject(request);
  }

  @RpcHandler(ApplicationsRpc.APPLICATION_APPROVE)
  @Idempotent({ atomic: true, recover: applicationNamedInRequest })
  approve(@Payload() request: ApplicationActionRequest): Promise<ApplicationView> {
    return this.workflow.approve(request);
  }

  @RpcHandler(ApplicationsRpc.APPLICATION_GET)
  async get(@Payload() request: GetApplicationRequest): Promise<ApplicationView> {
    const view = await this.queries.get(request);
    // A staff member's read is logged for the people it names before it is answered.
    await this.audit.applicationRead(request.principal, view, 'GET /applications/{id}');
    return view;
  }

  @RpcHandler(ApplicationsRpc.APPLICATION_LIST)
  list(@Payload() request: ListApplicationsRequest): Promise<ApplicationPage> {
    return this.queries.list(request);
  }
}
