import { DataSource } from 'typeorm';
import { AccessLogAuditor, type AuditFinding, type AuditReport } from './access-log-audit.js';
import { AccessLogRepository } from './access-log.repository.js';

const PAGE = 10_000;
const BEFORE_EVERYTHING = { seq: '-9223372036854775808', id: '-9223372036854775808' };

/** Checks the whole access log of an identity database against its hash chain (read-only). */
export async function auditAccessLog(databaseUrl: string): Promise<AuditReport> {
  const db = new DataSource({ type: 'postgres', url: databaseUrl, entities: [], extra: { max: 1 } });
  await db.initialize();
  try {
    const repository = new AccessLogRepository(db);
    // One snapshot for head and rows, so entries appended meanwhile do not look inserted.
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const auditor = new AccessLogAuditor(await repository.readHead());
    let after = BEFORE_EVERYTHING;
    for (;;) {
      const rows = await repository.pageInChainOrder(after, PAGE);
      for (const row of rows) auditor.push(row);
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1];
      after = { seq: last.seq, id: last.id };
    }
    await db.query('COMMIT');
    return auditor.finish();
  } finally {
    await db.destroy();
  }
}

/** One line a finding, in Bahasa Indonesia (for the auditor reading the report). */
export function describeFinding(finding: AuditFinding): string {
  switch (finding.kind) {
    case 'ALTERED':
      return `DIUBAH     entri id ${finding.id} (urutan ${finding.seq}): isinya tidak cocok dengan hash rantai`;
    case 'INSERTED':
      return `DISISIPKAN entri id ${finding.id} (urutan ${finding.seq}): bukan bagian dari rantai`;
    case 'DELETED': {
      const span =
        finding.fromSeq === finding.toSeq ? `urutan ${finding.fromSeq}` : `urutan ${finding.fromSeq}–${finding.toSeq}`;
      const between = [
        finding.afterId === undefined ? undefined : `sesudah id ${finding.afterId}`,
        finding.beforeId === undefined ? 'di ujung rantai' : `sebelum id ${finding.beforeId}`,
      ]
        .filter(Boolean)
        .join(', ');
      return `DIHAPUS    entri ${span} (${between})`;
    }
    case 'HEAD_MISMATCH':
      return `KEPALA     rantai urutan ${finding.seq} tidak cocok dengan entri terakhir`;
  }
}
