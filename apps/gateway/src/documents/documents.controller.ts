import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiBodyFrom, ApiParamsFrom, ApiProblems, ApiResult } from '../docs/api-docs.decorators.js';
import type { FastifyReply } from 'fastify';
import { type DocumentView, type Principal, type PublicDocumentView, DocumentsRpc } from '#lib/contracts';
import { RpcClient } from '#lib/platform/rpc';
import { Role } from '#lib/domain';
import { Authenticated, CurrentPrincipal, Public, Roles } from '../auth/auth.decorators.js';
import { DocumentDownloadService } from './document-download.service.js';
import { DocumentIdParams, RevokeDocumentBody, VerificationTokenParams } from './documents.dto.js';

@ApiTags('Documents')
@Controller()
export class DocumentsController {
  constructor(
    private readonly services: RpcClient,
    private readonly downloads: DocumentDownloadService,
  ) {}

  @Get('documents/:id')
  @Authenticated()
  @ApiOperation({ summary: "An issued document (the family's members, staff of its regency)" })
  @ApiParamsFrom(DocumentIdParams)
  @ApiResult(200, 'DocumentView', 'The document')
  @ApiProblems('DOCUMENT.NOT_FOUND')
  get(@Param() params: DocumentIdParams, @CurrentPrincipal() principal: Principal): Promise<DocumentView> {
    return this.services.call(DocumentsRpc.DOCUMENT_GET, { principal, id: params.id });
  }

  @Get('documents/:id/pdf')
  @Authenticated()
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The signed PDF (PAdES, detached CMS), byte for byte as issued' })
  @ApiParamsFrom(DocumentIdParams)
  @ApiResponse({
    status: 200,
    description: 'The signed PDF; `X-Content-SHA256` is the SHA-256 of its bytes',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary', maxLength: 20 * 1024 * 1024 } } },
  })
  @ApiProblems('DOCUMENT.NOT_FOUND')
  async pdf(
    @Param() params: DocumentIdParams,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.downloads.download(principal, params.id);
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('x-content-sha256', file.sha256)
      .header('cache-control', 'private, no-store');
    return file.content;
  }

  @Post('admin/documents/:id/revoke')
  @HttpCode(200)
  @Roles(Role.ADMIN)
  @ApiOperation({
    summary: 'Revoke a document with a reason (ADMIN); its QR check then says REVOKED (addition)',
    description:
      'A regency ADMIN revokes documents of its own regency only (403 ADMIN.OUT_OF_SCOPE); a deployment-wide ADMIN any.',
  })
  @ApiParamsFrom(DocumentIdParams)
  @ApiBodyFrom(RevokeDocumentBody, { example: { reason: 'Diterbitkan berdasarkan data yang keliru' } })
  @ApiResult(200, 'DocumentView', 'The document, REVOKED')
  @ApiProblems('DOCUMENT.NOT_FOUND', 'DOCUMENT.ALREADY_REVOKED', 'ADMIN.OUT_OF_SCOPE')
  revoke(
    @Param() params: DocumentIdParams,
    @Body() body: RevokeDocumentBody,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DocumentView> {
    return this.services.call(DocumentsRpc.DOCUMENT_REVOKE, { principal, id: params.id, reason: body.reason });
  }

  @Get('public/documents/:token')
  @Public()
  @ApiOperation({ summary: "Anyone holding a document: is it authentic and current? (holder's name masked)" })
  @ApiParamsFrom(VerificationTokenParams)
  @ApiResult(200, 'PublicDocumentView', 'What the document says, and whether it is valid')
  @ApiProblems('DOCUMENT.NOT_FOUND')
  verify(@Param() params: VerificationTokenParams): Promise<PublicDocumentView> {
    return this.services.call(DocumentsRpc.PUBLIC_VERIFY, { token: params.token });
  }
}
