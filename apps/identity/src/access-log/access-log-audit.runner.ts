import type { KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { SignedAnchor } from '#lib/contracts';
import { checkAgainstAnchors, type AnchorFinding } from './access-log-anchor.js';
import { AccessLogAuditor, type AuditFinding, type AuditReport } from './access-log-audit.js';
import { AccessLogRepository } from './access-log.repository.js';

/** Rows per page: a batch row carries up to 1,000 checks, so a page holds at most 2M of them. */
const PAGE = 2_000;
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

/**
 * The chain in the database against its anchors (AUDIT_ANCHORS): every validly signed anchor's
 * position must still hold the anchored hash, and the chain must reach it. Catches what the
 * chain alone cannot: a chain rewritten from some entry on with every hash recomputed, or its
 * tail deleted with the head moved back.
 */
export async function auditAgainstAnchors(
  databaseUrl: string,
  anchors: readonly SignedAnchor[],
  publicKey: KeyObject,
): Promise<{ checked: number; findings: AnchorFinding[] }> {
  const db = new DataSource({ type: 'postgres', url: databaseUrl, entities: [], extra: { max: 1 } });
  await db.initialize();
  try {
    const head = await new AccessLogRepository(db).readHead();
    return await checkAgainstAnchors(head, anchors, publicKey, async (seq) =>
      (await db.query<Array<{ hash: string }>>('SELECT hash FROM access_log WHERE seq = $1', [seq])).map(
        (row) => row.hash,
      ),
    );
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
