import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The numbers of Kutipan Akta Kematian (STYLE.md rule 7: queries live in repositories). */
@Injectable()
export class DeathCertificateNumberRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The death-certificate number of a person, assigned once: the next serial of the regency and
   * registration day, kept per deceased so that issuing again (a redelivered event) reuses it.
   */
  async numberFor(
    deceasedNik: string,
    regencyCode: string,
    registrationDate: string,
    format: (serial: number) => string,
  ): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`akta-kematian:${deceasedNik}`]);
      const existing = await manager.query<Array<{ number: string }>>(
        'SELECT number FROM death_certificate_numbers WHERE deceased_nik = $1',
        [deceasedNik],
      );
      if (existing[0]) return existing[0].number;
      const [{ last_serial: serial }] = await manager.query<Array<{ last_serial: number }>>(
        `INSERT INTO death_certificate_serials (regency_code, registration_date, last_serial) VALUES ($1, $2, 1)
         ON CONFLICT (regency_code, registration_date)
         DO UPDATE SET last_serial = death_certificate_serials.last_serial + 1
         RETURNING last_serial`,
        [regencyCode, registrationDate],
      );
      const number = format(serial);
      await manager.query('INSERT INTO death_certificate_numbers (deceased_nik, number) VALUES ($1, $2)', [
        deceasedNik,
        number,
      ]);
      return number;
    });
  }
}
