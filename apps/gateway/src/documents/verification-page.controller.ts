import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DocumentsRpc } from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { DomainError, ErrorKind } from '#lib/domain';
import { Public } from '../auth/auth.decorators.js';
import { notFoundPage, unavailablePage, VERIFICATION_PAGE_CSP, verificationPage } from './verification-page.js';

/** Where a document's QR code leads: `/verifikasi/{token}`, outside the API prefix. */
export const VERIFICATION_PAGE_PATH = 'verifikasi';
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

@ApiTags('Documents')
@Controller(VERIFICATION_PAGE_PATH)
export class VerificationPageController {
  constructor(private readonly services: RpcClient) {}

  @Get(':token')
  @Public()
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The human verification page a QR code opens (Bahasa Indonesia, no JavaScript needed)' })
  async show(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', VERIFICATION_PAGE_CSP);
    if (!TOKEN.test(token)) {
      await reply.status(404).send(notFoundPage());
      return;
    }
    try {
      const document = await this.services.call(DocumentsRpc.PUBLIC_VERIFY, { token });
      await reply.status(200).send(verificationPage(document));
    } catch (error) {
      if (error instanceof DomainError && error.kind === ErrorKind.NOT_FOUND) {
        await reply.status(404).send(notFoundPage());
      } else if (error instanceof DomainError && error.kind === ErrorKind.UNAVAILABLE) {
        await reply.status(503).send(unavailablePage());
      } else {
        throw error;
      }
    }
  }
}
