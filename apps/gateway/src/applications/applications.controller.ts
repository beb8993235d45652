import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  type Type,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  APPLICATION_INPUT_CLASSES,
  type ApplicationPage,
  type ApplicationView,
  type Principal,
  type StoredAttachmentView,
  ApplicationsRpc,
} from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { ApplicationAction, attachmentDisposition, AttachmentKind, Role, type ErrorCode } from '#lib/domain';
import { CurrentPrincipal, Roles, RolesFor } from '../auth/auth.decorators.js';
import { ApiParamsFrom, ApiProblems, ApiQueryFrom, ApiResult, ApiBodyFrom } from '../docs/api-docs.decorators.js';
import { applicationInputSchema } from '../docs/views.openapi.js';
import { IdempotentAction } from '../http/idempotency.js';
import { DOWNLOAD_CSP } from '../http/security-headers.js';
import { ApplicationAttachmentsService } from './application-attachments.service.js';
import {
  ApplicationIdParams,
  AttachmentParams,
  assertEmptyBody,
  ListApplicationsQuery,
  parseApplicationBody,
  ReasonBody,
  VerifyBody,
} from './applications.dto.js';

const EXTRAS =
  'Additions to API.md, all optional: `allowedActions` (what the caller may do now), and while SUBMITTED or ' +
  'VERIFIED `waitingSince` (the last submission) and `waitingSeconds`; `expectedEvidence` ' +
  '(`[{ kind, label, reason }]`: the evidence the rules expect the clerk to see, e.g. the SPTJM kebenaran ' +
  "sebagai pasangan suami istri when the parents' marriage is not recorded). 404 for an application that is not yours; " +
  '409 (with `allowedActions`) for a step not allowed now; 403 for a wrong role or the four-eyes rule.';

const BODY_DESCRIPTION =
  `\`{ type, ...details }\` with the details of API.md "Details by type" for ${Object.keys(APPLICATION_INPUT_CLASSES).join(', ')}. ` +
  'BIRTH_REGISTRATION: `fatherNik` is optional (the akta then names the mother only); `birthLetterNumber` may be ' +
  'absent only when `child.attendant` is DUKUN or LAINNYA (the SPTJM route: SPTJM kebenaran data kelahiran). ' +
  '400 lists every invalid field; 422 ' +
  '(`APPLICATION.RULE_VIOLATION`) lists every broken registry rule in `errors`.';

/** The problems every staff step (verify, return, reject) can answer with beyond the common two. */
const STAFF_STEP_PROBLEMS: ErrorCode[] = ['APPLICATION.ROLE_NOT_ALLOWED', 'APPLICATION.OWN_FAMILY'];

/**
 * A workflow step on one application (`POST /applications/{id}/<step>`): idempotent, allowed to
 * the roles of its action, answered with the application. What the route documents differs only
 * in these options.
 */
function WorkflowStep(
  action: ApplicationAction,
  step: { summary: string; result: string; body?: Type<unknown>; status?: 200 | 202; problems?: ErrorCode[] },
): MethodDecorator {
  const status = step.status ?? 200;
  // Decorators written one above the other apply bottom first; applyDecorators applies in order.
  return applyDecorators(
    ApiProblems('APPLICATION.NOT_FOUND', 'APPLICATION.INVALID_TRANSITION', ...(step.problems ?? [])),
    ApiResult(status, 'ApplicationView', step.result),
    ...(step.body === undefined ? [] : [ApiBodyFrom(step.body)]),
    ApiParamsFrom(ApplicationIdParams),
    ApiOperation({ summary: step.summary, description: EXTRAS }),
    RolesFor(action),
    HttpCode(status),
    IdempotentAction(),
  );
}

@ApiTags('Applications')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly services: RpcClient,
    private readonly attachments: ApplicationAttachmentsService,
  ) {}

  @Post()
  @IdempotentAction()
  @RolesFor(ApplicationAction.SUBMIT)
  @ApiOperation({ summary: 'Apply (RESIDENT) → 201 Application', description: `${BODY_DESCRIPTION} ${EXTRAS}` })
  @ApiBody({ schema: applicationInputSchema(), required: true })
  @ApiResult(201, 'ApplicationView', 'The application, SUBMITTED')
  @ApiProblems('APPLICATION.RULE_VIOLATION')
  async submit(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<ApplicationView> {
    const input = await parseApplicationBody(body);
    return this.services.call(ApplicationsRpc.APPLICATION_SUBMIT, { principal, input });
  }

  @Get()
  @Roles(Role.RESIDENT, Role.CLERK, Role.OFFICIAL)
  @ApiOperation({
    summary: 'Residents: their own (newest first); staff: the queue of their regency, oldest first',
    description: `\`{ items, total }\`. ${EXTRAS}`,
  })
  @ApiQueryFrom(ListApplicationsQuery)
  @ApiResult(200, 'ApplicationPage', 'A page of applications')
  list(@Query() query: ListApplicationsQuery, @CurrentPrincipal() principal: Principal): Promise<ApplicationPage> {
    return this.services.call(ApplicationsRpc.APPLICATION_LIST, { principal, ...query });
  }

  @Get(':id')
  @Roles(Role.RESIDENT, Role.CLERK, Role.OFFICIAL)
  @ApiOperation({ summary: 'One application (owner, staff of its regency)', description: EXTRAS })
  @ApiParamsFrom(ApplicationIdParams)
  @ApiResult(200, 'ApplicationView', 'The application')
  @ApiProblems('APPLICATION.NOT_FOUND')
  get(@Param() params: ApplicationIdParams, @CurrentPrincipal() principal: Principal): Promise<ApplicationView> {
    return this.services.call(ApplicationsRpc.APPLICATION_GET, { principal, applicationId: params.id });
  }

  @Put(':id')
  @IdempotentAction()
  @RolesFor(ApplicationAction.RESUBMIT)
  @ApiOperation({
    summary: 'Correct and resubmit (owner, while REVISION_REQUESTED; same type) → SUBMITTED',
    description: `${BODY_DESCRIPTION} ${EXTRAS}`,
  })
  @ApiParamsFrom(ApplicationIdParams)
  @ApiBody({ schema: applicationInputSchema(), required: true })
  @ApiResult(200, 'ApplicationView', 'The corrected application, SUBMITTED again')
  @ApiProblems('APPLICATION.NOT_FOUND', 'APPLICATION.INVALID_TRANSITION', 'APPLICATION.RULE_VIOLATION')
  async resubmit(
    @Param() params: ApplicationIdParams,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApplicationView> {
    const input = await parseApplicationBody(body);
    return this.services.call(ApplicationsRpc.APPLICATION_RESUBMIT, {
      principal,
      applicationId: params.id,
      input,
    });
  }

  @Post(':id/cancel')
  @WorkflowStep(ApplicationAction.CANCEL, {
    summary: 'Cancel (owner, while SUBMITTED) → CANCELLED',
    result: 'The application, CANCELLED',
  })
  cancel(
    @Param() params: ApplicationIdParams,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApplicationView> {
    assertEmptyBody(body);
    return this.services.call(ApplicationsRpc.APPLICATION_CANCEL, { principal, applicationId: params.id });
  }

  @Post(':id/verify')
  @WorkflowStep(ApplicationAction.VERIFY, {
    summary: 'Verify (CLERK of its regency, while SUBMITTED) → VERIFIED',
    body: VerifyBody,
    result: 'The application, VERIFIED',
    problems: STAFF_STEP_PROBLEMS,
  })
  verify(
    @Param() params: ApplicationIdParams,
    @Body() body: VerifyBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApplicationView> {
    return this.services.call(ApplicationsRpc.APPLICATION_VERIFY, {
      principal,
      applicationId: params.id,
      ...body,
    });
  }

  @Post(':id/return')
  @WorkflowStep(ApplicationAction.RETURN, {
    summary: 'Return for correction with a reason → REVISION_REQUESTED',
    body: ReasonBody,
    result: 'The application, REVISION_REQUESTED',
    problems: STAFF_STEP_PROBLEMS,
  })
  return(
    @Param() params: ApplicationIdParams,
    @Body() body: ReasonBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApplicationView> {
    return this.services.call(ApplicationsRpc.APPLICATION_RETURN, {
      principal,
      applicationId: params.id,
      reason: body.reason,
    });
  }

  @Post(':id/reject')
  @WorkflowStep(ApplicationAction.REJECT, {
    summary: 'Reject with a reason (final) → REJECTED',
    body: ReasonBody,
    result: 'The application, REJECTED',
    problems: STAFF_STEP_PROBLEMS,
  })
  reject(
    @Param() params: ApplicationIdParams,
    @Body() body: ReasonBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApplicationView> {
    return this.services.call(ApplicationsRpc.APPLICATION_REJECT, {
      principal,
      applicationId: params.id,
      reason: body.reason,
    });
  }

  @Post(':id/approve')
  @WorkflowStep(ApplicationAction.APPROVE, {
    summary: 'Approve (OFFICIAL of its regency, not the verifier) → 202 APPROVED; ISSUED once its documents exist',
    status: 202,
    result: 'The application, APPROVED (ISSUED once its documents exist)',
    problems: ['APPLICATION.ROLE_NOT_ALLOWED', 'APPLICATION.FOUR_EYES', 'APPLICATION.OWN_FAMILY'],
  })
  approve(
    @Param() params: ApplicationIdParams,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApplicationView> {
    assertEmptyBody(body);
    return this.services.call(ApplicationsRpc.APPLICATION_APPROVE, { principal, applicationId: params.id });
  }

  @Post(':id/attachments')
  @IdempotentAction()
  @Roles(Role.RESIDENT)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: {
          type: 'string',
          enum: Object.values(AttachmentKind),
        },
        file: { type: 'string', format: 'binary', maxLength: 5 * 1024 * 1024 },
      },
      additionalProperties: false,
    },
  })
  @ApiOperation({
    summary:
      'Add evidence (owner, while SUBMITTED or REVISION_REQUESTED) → 201 { id, kind, fileName, contentType, size, sha256 }',
    description:
      'PDF, JPEG or PNG judged by content (415 otherwise), at most 5 MB (413). An image whose header declares more than 10,000 pixels a side or 40 megapixels is 413 (`REQUEST.TOO_LARGE`); an image whose header cannot be read is 415. The stored `fileName` takes the extension of the detected type (`x.html` holding a PDF becomes `x.pdf`) and keeps only letters, digits, spaces and `.,_-()` (markup is dropped).',
  })
  @ApiParamsFrom(ApplicationIdParams)
  @ApiResult(201, 'StoredAttachmentView', 'The stored attachment')
  @ApiProblems(
    'APPLICATION.NOT_FOUND',
    'APPLICATION.INVALID_TRANSITION',
    'REQUEST.TOO_LARGE',
    'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    'REQUEST.MALFORMED',
  )
  upload(
    @Param() params: ApplicationIdParams,
    @Req() request: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StoredAttachmentView> {
    return this.attachments.upload(request, principal, params.id);
  }

  @Get(':id/attachments/:attachmentId')
  @Roles(Role.RESIDENT, Role.CLERK, Role.OFFICIAL)
  @ApiOperation({ summary: 'The evidence file, byte for byte (owner, staff of its regency)' })
  @ApiParamsFrom(AttachmentParams)
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiResponse({
    status: 200,
    description:
      "The file as uploaded; `X-Content-SHA256` is the SHA-256 of its bytes. Always `Content-Disposition: attachment` (with an ASCII `filename` and a UTF-8 `filename*`), `X-Content-Type-Options: nosniff` and `Content-Security-Policy: default-src 'none'; sandbox`.",
    content: Object.fromEntries(
      ['application/pdf', 'image/jpeg', 'image/png'].map((type) => [
        type,
        { schema: { type: 'string', format: 'binary', maxLength: 5 * 1024 * 1024 } },
      ]),
    ),
  })
  @ApiProblems('APPLICATION.NOT_FOUND', 'ATTACHMENT.NOT_FOUND')
  async download(
    @Param() params: AttachmentParams,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { content, view } = await this.attachments.download(principal, params.id, params.attachmentId);
    void reply
      .header('content-type', view.contentType)
      .header('content-disposition', attachmentDisposition(view.fileName))
      .header('x-content-sha256', view.sha256)
      .header('x-content-type-options', 'nosniff')
      // Never a page of this origin, whatever its bytes are (a PDF/HTML polyglot).
      .header('content-security-policy', DOWNLOAD_CSP)
      .header('cache-control', 'private, no-store');
    return content;
  }
}
