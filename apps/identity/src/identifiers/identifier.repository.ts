import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export const IdentifierKind = { NIK: 'NIK', KK: 'KK' } as const;
export type IdentifierKind = (typeof IdentifierKind)[keyof typeof IdentifierKind];

/** Where numbers of each kind already live: imported people and families hold serials too. */
const REGISTERED: Record<IdentifierKind, { table: string; column: string }> = {
  NIK: { table: 'person', column: 'nik' },
  KK: { table: 'family', column: 'family_card_number' },
};

/**
 * Serial counters per identifier prefix (the first 12 digits), shared by every replica. The
 * counter row is the lock: `ON CONFLICT DO UPDATE` makes concurrent callers take turns, so
 * each gets its own serial. A new counter starts after the highest serial already registered.
 */
@Injectable()
export class IdentifierRepository {
  constructor(private readonly db: DataSource) {}

  async nextSerial(kind: IdentifierKind, prefix: string): Promise<number> {
    const { table, column } = REGISTERED[kind];
    const rows = await this.db.query<Array<{ serial: number }>>(
      `INSERT INTO identifier_counter AS c (kind, prefix, next_serial)
       VALUES ($1::varchar, $2::char(12), (SELECT COALESCE(MAX(substr(${column}, 13, 4)::int), 0) + 2 FROM ${table}
                         WHERE ${column} BETWEEN $2::text || '0000' AND $2::text || '9999'))
       ON CONFLICT (kind, prefix) DO UPDATE SET next_serial = c.next_serial + 1
       RETURNING next_serial - 1 AS serial`,
      [kind, prefix],
    );
    return Number(rows[0].serial);
  }

  /** Records a number as issued unless it is registered or issued already; true when it was free. */
  async claim(kind: IdentifierKind, value: string): Promise<boolean> {
    const { table, column } = REGISTERED[kind];
    const rows = await this.db.query<unknown[]>(
      `INSERT INTO issued_identifier (kind, value)
       SELECT $1::varchar, $2::char(16) WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE ${column} = $2::char(16))
       ON CONFLICT DO NOTHING
       RETURNING value`,
      [kind, value],
    );
    return rows.length > 0;
  }
}
