import { Injectable } from '@nestjs/common';
import type {
  AssignFamilyCardNumberReply,
  AssignFamilyCardNumberRequest,
  AssignNikReply,
  AssignNikRequest,
} from '#lib/contracts';
import { DomainError, formatFamilyCardNumber, formatNik, todayIso } from '#lib/domain';
import { IdentifierKind, IdentifierRepository } from './identifier.repository.js';

const MAX_SERIAL = 9999;

/**
 * Issues new NIKs and No. KKs (DOMAIN.md "Assigning a NIK"): the next free serial for the
 * district and date (and sex, for a NIK), skipping serials registered by an import, never the
 * same number twice, whichever replica is asked and however many ask at once.
 */
@Injectable()
export class IdentifierService {
  constructor(private readonly identifiers: IdentifierRepository) {}

  async assignNik(request: AssignNikRequest): Promise<AssignNikReply> {
    // Formatting serial 1 checks the parts (a current district, a real past date) once.
    const prefix = formatNik({ ...request, serial: 1 }, { requireKnownDistrict: true }).slice(0, 12);
    return { nik: await this.assign(IdentifierKind.NIK, prefix) };
  }

  async assignFamilyCardNumber(request: AssignFamilyCardNumberRequest): Promise<AssignFamilyCardNumberReply> {
    const issueDate = request.issueDate ?? todayIso();
    const prefix = formatFamilyCardNumber(
      { districtCode: request.districtCode, issueDate, serial: 1 },
      { requireKnownDistrict: true },
    ).slice(0, 12);
    return { familyCardNumber: await this.assign(IdentifierKind.KK, prefix) };
  }

  private async assign(kind: IdentifierKind, prefix: string): Promise<string> {
    for (;;) {
      const serial = await this.identifiers.nextSerial(kind, prefix);
      if (serial > MAX_SERIAL) {
        throw new DomainError(
          'IDENTIFIER.EXHAUSTED',
          'Nomor urut untuk kecamatan dan tanggal ini sudah habis (9999); hubungi administrator',
        );
      }
      const value = prefix + String(serial).padStart(4, '0');
      if (await this.identifiers.claim(kind, value)) return value;
    }
  }
}
