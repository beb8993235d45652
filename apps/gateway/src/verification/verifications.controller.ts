import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags, OmitType } from '@nestjs/swagger';
import { ApiProblems, ApiResult } from '../docs/api-docs.decorators.js';
import { documentedClasses } from '../docs/class-schemas.js';
import {
  IdentityRpc,
  VERIFICATION_BATCH_MAX,
  type Principal,
  type VerificationResult,
  type VerifyBatchReply,
  VerifyBatchRequest,
  VerifyRequest,
} from '#lib/contracts';
import { jsonObject } from '#lib/platform/http';
import { RpcClient, type RawJson } from '#lib/platform/rpc';
import { Role } from '#lib/domain';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { IdempotentAction } from '../http/idempotency.js';
import { RelayedJson, RelayJsonBody } from '../http/relayed-json.js';
import { VerificationCoalescer } from './verification-coalescer.js';

/**
 * A batch of 1,000 checks may wait behind others at full load; the default deadline of a NATS
 * call is meant for single reads.
 */
const BATCH_TIMEOUT_MS = 30_000;

/**
 * The body as sent. These two routes do not validate it here: identity validates the message
 * on receipt with the very classes of the contract (VerifyRequest, VerifyBatchRequest), unknown
 * fields included, and its 400 with every invalid field comes back unchanged. Validating 1,000
 * items twice was a third of the gateway's time per batch. The caller's principal is set last,
 * so a body can never pose as someone else.
 */
type RawBody = Record<string, unknown>;

/** The body with the caller's principal, typed as the request identity validates on receipt. */
function relayed<T extends object>(body: unknown, principal: Principal): T {
  return { ...jsonObject(body), principal } as unknown as T;
}

/** The bodies as OpenAPI states them: the contract's classes without the principal the gateway adds. */
class VerificationBody extends OmitType(VerifyRequest, ['principal'] as const) {}
class VerificationBatchBody extends OmitType(VerifyBatchRequest, ['principal'] as const) {}

const ONE = {
  nik: '1602054101900001',
  purpose: 'Pembukaan rekening tabungan',
  fullName: 'SITI RAHAYU',
  birthDate: '1990-01-01',
};

const DESCRIPTION =
  'Only the fields given are compared, and only those of the agreement (403 AGENCY.FIELD_NOT_ALLOWED naming ' +
  'the others). Names, birth place and address: similarity score in [0,1] after normalisation, match at 0.9; ' +
  'birth date and sex: exact. found:false for a well-formed NIK not in the registry; 400 for a malformed one. ' +
  'The quota counts NIK checks per minute (a batch uses one per item); beyond it 429 with Retry-After. ' +
  'A suspended agency gets 401 AGENCY.SUSPENDED. Each check is logged for the person checked.';

@ApiTags('Verification for agencies')
@Controller('verifications')
export class VerificationsController {
  constructor(
    private readonly services: RpcClient,
    private readonly checks: VerificationCoalescer,
  ) {}

  @Post()
  @Roles(Role.AGENCY)
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify one NIK: { requestId, nik, found, status?, fields }', description: DESCRIPTION })
  @ApiBody({ schema: documentedClasses.ref(VerificationBody), required: true, examples: { example: { value: ONE } } })
  @ApiResult(200, 'VerificationResult', 'The match results')
  @ApiProblems('AGENCY.FIELD_NOT_ALLOWED', 'AGENCY.QUOTA_EXCEEDED')
  verify(@Body() body: RawBody, @CurrentPrincipal() principal: Principal): Promise<VerificationResult> {
    // Concurrent checks of this token travel to identity together, each still answered alone.
    return this.checks.verify(jsonObject(body), principal);
  }

  @Post('batch')
  @IdempotentAction()
  @RelayJsonBody()
  @Roles(Role.AGENCY)
  @HttpCode(200)
  // The results are relayed as identity wrote them (JSON text): not parsed and serialized again.
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOperation({
    summary: `Verify up to ${VERIFICATION_BATCH_MAX} NIKs: { results } in the order given`,
    description: `${DESCRIPTION} A batch is admitted or refused whole.`,
  })
  @ApiBody({
    schema: documentedClasses.ref(VerificationBatchBody),
    required: true,
    examples: { example: { value: { items: [ONE, { nik: '1602055203850002', purpose: 'Klaim asuransi' }] } } },
  })
  @ApiResult(200, 'VerifyBatchReply', 'The results, in the order of the items')
  @ApiProblems('AGENCY.FIELD_NOT_ALLOWED', 'AGENCY.QUOTA_EXCEEDED')
  verifyBatch(
    @Body() body: RawBody | RelayedJson,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RawJson<VerifyBatchReply>> {
    const options = { timeoutMs: BATCH_TIMEOUT_MS };
    if (body instanceof RelayedJson) {
      // Identity parses the bytes (and refuses them as Fastify would), then puts this principal in.
      return this.services.relayRaw(IdentityRpc.VERIFICATION_VERIFY_BATCH, body.bytes, { principal }, options);
    }
    return this.services.callRaw(
      IdentityRpc.VERIFICATION_VERIFY_BATCH,
      relayed<VerifyBatchRequest>(body, principal),
      options,
    );
  }
}
