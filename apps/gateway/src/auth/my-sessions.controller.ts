import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type EndOtherSessionsReply, type Page, type Principal, type SessionView, IdentityRpc } from '#lib/contracts';
import { Role } from '#lib/domain';
import { RpcClient } from '#lib/platform/rpc';
import { ApiParamsFrom, ApiProblems, ApiQueryFrom, ApiResult } from '../docs/api-docs.decorators.js';
import { AllowedWhile, CurrentPrincipal, Roles } from './auth.decorators.js';
import { SessionIdParams, SessionPageQuery } from './auth.dto.js';

const ADDED = 'Added endpoint (not in API.md v1; an extension of "Sessions and account security").';

/**
 * A person's own sessions (sign-ins on their devices): see them, end one, end all but this one.
 * Ending reaches every gateway replica at once, as sign-out does (docs/adr/0007).
 */
@ApiTags('Accounts and tokens')
@Controller('me/sessions')
export class MySessionsController {
  constructor(private readonly services: RpcClient) {}

  @Get()
  @Roles(Role.RESIDENT, Role.CLERK, Role.OFFICIAL, Role.ADMIN)
  @AllowedWhile('PASSWORD_CHANGE', 'MFA_ENROLMENT')
  @ApiOperation({
    summary: 'The caller’s open sessions, most recently used first',
    description:
      `${ADDED} Each with when it started (the sign-in) and was last used (the sign-in or the last refresh), the ` +
      'device as described from the User-Agent ("Chrome di Android"; the header itself is not kept), the address ' +
      'of its last use, and which one is the caller’s own (`current`). Never a token or its digest.',
  })
  @ApiQueryFrom(SessionPageQuery)
  @ApiResult(200, 'SessionPage', 'A page of open sessions')
  list(@Query() query: SessionPageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<SessionView>> {
    return this.services.call(IdentityRpc.SESSION_LIST, { ...query, principal });
  }

  @Post('revoke-others')
  @Roles(Role.RESIDENT, Role.CLERK, Role.OFFICIAL, Role.ADMIN)
  @AllowedWhile('PASSWORD_CHANGE', 'MFA_ENROLMENT')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign out of every other device: all the caller’s sessions but this one end',
    description:
      `${ADDED} Their access and refresh tokens are refused from the next request on, on every gateway replica; ` +
      'this session goes on. Answers how many ended (0 when there were none).',
  })
  @ApiResult(200, 'EndOtherSessionsReply', 'How many sessions ended')
  endOthers(@CurrentPrincipal() principal: Principal): Promise<EndOtherSessionsReply> {
    return this.services.call(IdentityRpc.SESSION_END_OTHERS, { principal });
  }

  @Delete(':id')
  @Roles(Role.RESIDENT, Role.CLERK, Role.OFFICIAL, Role.ADMIN)
  @AllowedWhile('PASSWORD_CHANGE', 'MFA_ENROLMENT')
  @HttpCode(204)
  @ApiOperation({
    summary: 'End one of the caller’s sessions (sign a device out)',
    description:
      `${ADDED} Its tokens are refused from the next request on, on every gateway replica; ending the current ` +
      'one is signing out. 404 for an unknown id, a session already ended, or another account’s (never said which).',
  })
  @ApiParamsFrom(SessionIdParams)
  @ApiResponse({ status: 204, description: 'The session has ended' })
  @ApiProblems('SESSION.NOT_FOUND')
  async end(@Param() params: SessionIdParams, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.services.call(IdentityRpc.SESSION_END, { sessionId: params.id, principal });
  }
}
