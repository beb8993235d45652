import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { ApplicationAction, AttachmentKind, Role } from '#lib/domain';
import { CurrentPrincipal, Roles, RolesFor } from '../auth/auth.decorators.js';
import { IdempotentAction } from '../http/idempotency.js';
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
  'VERIFIED `waitingSince` (the last submission) and `waitingSeconds`. 404 for an application that is not yours; ' +
  '409 (with `allowedActions`) for a step not allowed now; 403 for a wrong role or the four-eyes rule.';

const BODY_DESCRIPTION =
  `\`{ type, ...details }\` with the details of API.md "Details by type" for ${Object.keys(APPLICATION_INPUT_CLASSES).join(', ')}. ` +
  '400 lists every invalid field; 422 ' +
  '(`APPLICATION.RULE_VIOLATION`) lists every broken registry rule in `errors`.';

@ApiTags('Applications')
@ApiBearerAuth()
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
  @ApiBody({ schema: { type: 'object', required: ['type'], additionalProperties: true } })
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
  list(@Query() query: ListApplicationsQuery, @CurrentPrincipal() principal: Principal): Promise<ApplicationPage> {
    return this.services.call(ApplicationsRpc.APPLICATION_LIST, { principal, ...query });
  }

  @Get(':id')
  @Roles(Role.RESIDENT, Role.CLERK, Role.OFFICIAL)
  @ApiOperation({ summary: 'One application (owner, staff of its regency)', description: EXTRAS })
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
  @ApiBody({ schema: { type: 'object', required: ['type'], additionalProperties: true } })
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
  @IdempotentAction()
  @HttpCode(200)
  @RolesFor(ApplicationAction.CANCEL)
  @ApiOperation({ summary: 'Cancel (owner, while SUBMITTED) → CANCELLED', description: EXTRAS })
  cancel(
    @Param() params: ApplicationIdParams,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApplicationView> {
    assertEmptyBody(body);
    return this.services.call(ApplicationsRpc.APPLICATION_CANCEL, { principal, applicationId: params.id });
  }

  @Post(':id/verify')
  @IdempotentAction()
  @HttpCode(200)
  @RolesFor(ApplicationAction.VERIFY)
  @ApiOperation({ summary: 'Verify (CLERK of its regency, while SUBMITTED) → VERIFIED', description: EXTRAS })
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
  @IdempotentAction()
  @HttpCode(200)
  @RolesFor(ApplicationAction.RETURN)
  @ApiOperation({ summary: 'Return for correction with a reason → REVISION_REQUESTED', description: EXTRAS })
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
  @IdempotentAction()
  @HttpCode(200)
  @RolesFor(ApplicationAction.REJECT)
  @ApiOperation({ summary: 'Reject with a reason (final) → REJECTED', description: EXTRAS })
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
  @IdempotentAction()
  @HttpCode(202)
  @RolesFor(ApplicationAction.APPROVE)
  @ApiOperation({
    summary: 'Approve (OFFICIAL of its regency, not the verifier) → 202 APPROVED; ISSUED once its documents exist',
    description: EXTRAS,
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
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiOperation({
    summary:
      'Add evidence (owner, while SUBMITTED or REVISION_REQUESTED) → 201 { id, kind, fileName, contentType, size, sha256 }',
    description: 'PDF, JPEG or PNG judged by content (415 otherwise), at most 5 MB (413).',
  })
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
  async download(
    @Param() params: AttachmentParams,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { content, view } = await this.attachments.download(principal, params.id, params.attachmentId);
    void reply
      .header('content-type', view.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(view.fileName)}`)
      .header('x-content-sha256', view.sha256)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store');
    return content;
  }
}
