import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiBodyFrom, ApiProblems, ApiResult } from '../docs/api-docs.decorators.js';
import {
  type AccountView,
  type MfaEnrolmentReply,
  type Principal,
  type RecoveryCodesReply,
  IdentityRpc,
} from '#lib/contracts';
import { Role } from '#lib/domain';
import { RpcClient } from '#lib/platform/rpc';
import { AllowedWhile, Authenticated, CurrentPrincipal, Roles } from './auth.decorators.js';
import { ChangePasswordBody, ConfirmMfaBody } from './auth.dto.js';

@ApiTags('Accounts and tokens')
@Controller('me')
export class MeController {
  constructor(private readonly services: RpcClient) {}

  @Get()
  @Authenticated()
  @AllowedWhile('PASSWORD_CHANGE', 'MFA_ENROLMENT')
  @ApiOperation({ summary: 'The signed-in account: { id, role, nik?, username?, regencyCode? } (+ fullName?)' })
  @ApiResult(200, 'AccountView', 'The account')
  @ApiProblems('ACCOUNT.NOT_FOUND')
  me(@CurrentPrincipal() principal: Principal): Promise<AccountView> {
    return this.services.call(IdentityRpc.ACCOUNT_GET, { principal });
  }

  @Post('password')
  @Roles(Role.RESIDENT, Role.CLERK, Role.OFFICIAL, Role.ADMIN)
  @AllowedWhile('PASSWORD_CHANGE', 'MFA_ENROLMENT')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change the password',
    description:
      'Every token issued to the account before (this one too) is refused from the next request on, on every ' +
      'gateway replica; sign in again with the new password. 422 when the current password is wrong (throttled ' +
      'like a sign-in) or the new one is the same.',
  })
  @ApiBodyFrom(ChangePasswordBody, {
    example: { currentPassword: 'kata-sandi-lama-1', newPassword: 'kata-sandi-baru-1' },
  })
  @ApiResponse({ status: 204, description: 'Changed' })
  @ApiProblems(
    'ACCOUNT.CURRENT_PASSWORD_WRONG',
    'ACCOUNT.PASSWORD_UNCHANGED',
    'ACCOUNT.NOT_FOUND',
    'AUTH.TOO_MANY_ATTEMPTS',
  )
  async changePassword(@Body() body: ChangePasswordBody, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.services.call(IdentityRpc.ACCOUNT_CHANGE_PASSWORD, { ...body, principal });
  }

  @Post('mfa')
  @Roles(Role.CLERK, Role.OFFICIAL, Role.ADMIN)
  @AllowedWhile('MFA_ENROLMENT')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start enrolling a second factor (TOTP, RFC 6238)',
    description:
      'The secret, its otpauth URI and the same as a QR code (SVG data URL), and ten recovery codes shown in this ' +
      'answer only (added fields). Nothing is on until POST /me/mfa/confirm. 409 when the second factor is on.',
  })
  @ApiResult(200, 'MfaEnrolmentReply', 'The secret to scan')
  @ApiProblems('MFA.ALREADY_ENABLED', 'ACCOUNT.NOT_FOUND')
  startMfa(@CurrentPrincipal() principal: Principal): Promise<MfaEnrolmentReply> {
    return this.services.call(IdentityRpc.MFA_START, { principal });
  }

  @Post('mfa/confirm')
  @Roles(Role.CLERK, Role.OFFICIAL, Role.ADMIN)
  @AllowedWhile('MFA_ENROLMENT')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Turn the second factor on with a first code from the authenticator app',
    description:
      'From now on sign-in asks for a code; the recovery codes of POST /me/mfa become valid. The account’s other ' +
      'sessions end; this one goes on (refresh it for a token without the enrolment restriction). 422 on a wrong ' +
      'code (throttled), 409 when no enrolment was started.',
  })
  @ApiBodyFrom(ConfirmMfaBody, { example: { code: '123456' } })
  @ApiResponse({ status: 204, description: 'The second factor is on' })
  @ApiProblems('MFA.INVALID_CODE', 'MFA.NOT_STARTED', 'AUTH.TOO_MANY_ATTEMPTS')
  async confirmMfa(@Body() body: ConfirmMfaBody, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.services.call(IdentityRpc.MFA_CONFIRM, { ...body, principal });
  }

  @Post('mfa/recovery-codes')
  @Roles(Role.CLERK, Role.OFFICIAL, Role.ADMIN)
  @HttpCode(200)
  @ApiOperation({
    summary: 'New recovery codes, with a current code from the authenticator app',
    description:
      'Ten new recovery codes, shown in this answer only; every older one (used or not) stops working. 422 on a ' +
      'wrong code (throttled with the other second-factor attempts), 409 when the second factor is not on.',
  })
  @ApiBodyFrom(ConfirmMfaBody, { example: { code: '123456' } })
  @ApiResult(200, 'RecoveryCodesReply', 'The new recovery codes')
  @ApiProblems('MFA.INVALID_CODE', 'MFA.NOT_ENABLED', 'AUTH.TOO_MANY_ATTEMPTS')
  newRecoveryCodes(
    @Body() body: ConfirmMfaBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RecoveryCodesReply> {
    return this.services.call(IdentityRpc.MFA_RECOVERY_CODES, { ...body, principal });
  }
}
