import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags, OmitType } from '@nestjs/swagger';
import {
  IdentityPatterns,
  VERIFICATION_BATCH_MAX,
  VerificationItem,
  VerifyBatchRequest,
  type Principal,
  type VerificationResult,
  type VerifyBatchReply,
} from '#lib/contracts';
import { Role, Sex } from '#lib/domain';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { ServiceClient } from '../nats/service-client.js';

/** `POST /verifications`: one check, exactly the message's fields (the caller is added here). */
export class VerifyBody extends VerificationItem {}

/** `POST /verifications/batch`. */
export class VerifyBatchBody extends OmitType(VerifyBatchRequest, ['principal'] as const) {}

const ITEM_SCHEMA = {
  type: 'object',
  required: ['nik', 'purpose'],
  properties: {
    nik: { type: 'string', example: '1602054101900001' },
    purpose: { type: 'string', example: 'Pembukaan rekening tabungan' },
    fullName: { type: 'string' },
    birthDate: { type: 'string', format: 'date' },
    birthPlace: { type: 'string' },
    sex: { type: 'string', enum: Object.values(Sex) },
    motherName: { type: 'string' },
    address: { type: 'string' },
  },
};

const DESCRIPTION =
  'Only the fields given are compared, and only those of the agreement (403 AGENCY.FIELD_NOT_ALLOWED naming ' +
  'the others). Names, birth place and address: similarity score in [0,1] after normalisation, match at 0.9; ' +
  'birth date and sex: exact. found:false for a well-formed NIK not in the registry; 400 for a malformed one. ' +
  'The quota counts NIK checks per minute (a batch uses one per item); beyond it 429 with Retry-After. ' +
  'A suspended agency gets 401 AGENCY.SUSPENDED. Each check is logged for the person checked.';

@ApiTags('Verification for agencies')
@ApiBearerAuth()
@Controller('verifications')
export class VerificationsController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Roles(Role.AGENCY)
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify one NIK: { requestId, nik, found, status?, fields }', description: DESCRIPTION })
  @ApiBody({ schema: ITEM_SCHEMA })
  verify(@Body() body: VerifyBody, @CurrentPrincipal() principal: Principal): Promise<VerificationResult> {
    return this.services.request(IdentityPatterns.VERIFICATION_VERIFY, { ...body, principal });
  }

  @Post('batch')
  @Roles(Role.AGENCY)
  @HttpCode(200)
  @ApiOperation({
    summary: `Verify up to ${VERIFICATION_BATCH_MAX} NIKs: { results } in the order given`,
    description: `${DESCRIPTION} A batch is admitted or refused whole.`,
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['items'],
      properties: { items: { type: 'array', maxItems: VERIFICATION_BATCH_MAX, items: ITEM_SCHEMA } },
    },
  })
  verifyBatch(@Body() body: VerifyBatchBody, @CurrentPrincipal() principal: Principal): Promise<VerifyBatchReply> {
    return this.services.request(IdentityPatterns.VERIFICATION_VERIFY_BATCH, { ...body, principal });
  }
}
