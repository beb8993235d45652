import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '#lib/contracts';
import { DomainError, Role } from '#lib/domain';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { ResidentsImportService, type ImportReport } from './residents-import.service.js';

@ApiTags('Population registry')
@ApiBearerAuth()
@Controller('admin/residents')
export class ResidentsImportController {
  constructor(private readonly imports: ResidentsImportService) {}

  @Post('import')
  @HttpCode(200)
  @Roles(Role.ADMIN)
  @ApiConsumes('text/csv')
  @ApiOperation({
    summary: 'Import the registry from CSV (streamed, any size); upsert by NIK',
    description:
      'Header row of the Person fields plus familyCardNumber, address, rt, rw, villageCode, postalCode in any ' +
      'order; an empty cell is an absent value. Addition to API.md: SIAK\'s own 37-column export (header "Nomor KK;' +
      'NIK;Nama Penduduk;…") is taken as it is, districts and villages by name within the administrator\'s ' +
      'regency. Comma or semicolon separated (from the header line), RFC 4180 quotes, UTF-8 with or without BOM. ' +
      'Returns { imported, updated, rejected: [{ line, errors }] }; a bad row never stops the good ones. Line 1 is ' +
      'the header.',
  })
  import(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal): Promise<ImportReport> {
    const body = request.body as AsyncIterable<Buffer> | undefined;
    if (
      body === undefined ||
      body === null ||
      typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] !== 'function'
    ) {
      throw new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Kirim berkas dengan Content-Type text/csv');
    }
    return this.imports.import(body, principal);
  }
}
