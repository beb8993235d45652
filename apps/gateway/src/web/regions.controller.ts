import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ApiResult } from '../docs/api-docs.decorators.js';
import { DomainError, normalizeRegionCode, regionDirectory, RegionLevel } from '#lib/domain';
import { Public } from '../auth/auth.decorators.js';

export interface RegionItem {
  code: string;
  name: string;
}

/**
 * The region directory for the web pages' pickers (districts of a regency, villages of a
 * district). The browser carries only the codes it needs to check a NIK as the user types; the
 * 84 thousand village names are asked for one district at a time.
 */
@ApiTags('Regions (addition)')
@Controller('regions')
export class RegionsController {
  @Get(':code/children')
  @Public()
  @ApiOperation({
    summary: 'Addition to API.md: the regions one level below a code, from idn-area-data',
    description:
      '`{ items: [{ code, name }], total }` — the districts of a regency (`16.02`), the villages of a district ' +
      '(`16.02.05`), the regencies of a province (`16`). 400 for a malformed code, 404 for an unknown one.',
  })
  @ApiParam({
    name: 'code',
    required: true,
    schema: { type: 'string', pattern: '^[0-9]{2}(\\.[0-9]{2}){0,2}$', maxLength: 8, example: '16.02' },
  })
  @ApiResult(200, 'RegionPage', 'The regions one level below')
  @ApiProblems('ROUTE.NOT_FOUND')
  children(@Param('code') code: string): { items: RegionItem[]; total: number } {
    const normalized = normalizeRegionCode(code);
    if (normalized === undefined || normalized.level === RegionLevel.VILLAGE) {
      throw new DomainError('VALIDATION.FAILED', 'Data yang dikirim tidak valid', {
        errors: [
          {
            field: 'code',
            message: 'kode wilayah harus kode provinsi, kabupaten/kota atau kecamatan, misalnya "16.02"',
          },
        ],
      });
    }
    const directory = regionDirectory();
    if (!directory.has(normalized.dotted)) throw new DomainError('ROUTE.NOT_FOUND', 'Unknown region code');
    const items = directory.childrenOf(normalized.dotted).map((region) => ({ code: region.code, name: region.name }));
    return { items, total: items.length };
  }
}
