import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiTags,
  IntersectionType,
  PartialType,
  PickType,
} from '@nestjs/swagger';
import { ApiProblems, ApiResult } from '../docs/api-docs.decorators.js';
import { documentedClasses } from '../docs/class-schemas.js';
import { CLIENT_CREDENTIALS_GRANT, IdentityRpc, IssueAgencyTokenRequest, type AgencyTokenReply } from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { Public } from './auth.decorators.js';

/**
 * The token request as it arrives: the credentials may be in the body (API.md) or, as RFC 6749
 * §2.3.1 prefers, in an HTTP Basic header; identity checks that they are there.
 */
export class AgencyTokenBody extends IntersectionType(
  PickType(IssueAgencyTokenRequest, ['grant_type', 'scope'] as const),
  PartialType(PickType(IssueAgencyTokenRequest, ['client_id', 'client_secret'] as const)),
) {}

/** `Basic base64(urlencode(id):urlencode(secret))` (RFC 6749 §2.3.1), or nothing. */
function basicCredentials(header: string | undefined): { client_id: string; client_secret: string } | undefined {
  const match = header === undefined ? null : /^Basic ([A-Za-z0-9+/=]+)$/.exec(header.trim());
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return {
      client_id: decodeURIComponent(decoded.slice(0, colon)),
      client_secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    return undefined;
  }
}

@ApiTags('Accounts and tokens')
@Controller('auth')
export class AgencyTokenController {
  constructor(private readonly services: RpcClient) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Agencies obtain an access token (OAuth 2.0 client credentials)',
    description:
      'JSON or application/x-www-form-urlencoded; the credentials in the body or in an HTTP Basic header. ' +
      '401 for bad credentials or a suspended agency; 400 for another grant_type.',
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({
    // The contract's request: with the credentials in the body, as API.md writes it.
    schema: documentedClasses.ref(IssueAgencyTokenRequest),
    required: true,
    examples: {
      example: {
        value: { grant_type: CLIENT_CREDENTIALS_GRANT, client_id: 'agency-contoh', client_secret: 'rahasia-contoh' },
      },
    },
  })
  @ApiHeader({
    name: 'authorization',
    required: false,
    description: 'The credentials as HTTP Basic (RFC 6749 §2.3.1) instead of in the body',
    schema: { type: 'string', maxLength: 1000, pattern: '^Basic [A-Za-z0-9+/=]+$' },
  })
  @ApiResult(200, 'AgencyTokenReply', 'An access token for the verification routes')
  @ApiProblems('AUTH.INVALID_CREDENTIALS', 'AGENCY.SUSPENDED')
  token(@Body() body: AgencyTokenBody, @Headers('authorization') authorization?: string): Promise<AgencyTokenReply> {
    // The credentials may be missing from both: identity's validation of the request names them.
    const request = { ...body, ...basicCredentials(authorization) } as IssueAgencyTokenRequest;
    return this.services.call(IdentityRpc.AGENCY_TOKEN, request);
  }
}
