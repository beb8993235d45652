import { describe, expect, it } from '@jest/globals';
import { AccessLogAuditor, type AuditRow } from './access-log-audit.js';
import {
  ACCESS_LOG_BATCH_VERSION,
  ACCESS_LOG_COMPACT_BATCH_VERSION,
  batchRequestId,
  chainAfter,
  entryHash,
  GENESIS_HASH,
  type AccessLogBatchContent,
  type AccessLogCompactBatchContent,
  type AccessLogContent,
  type AccessLogRowContent,
} from './access-log-chain.js';

function content(i: number): AccessLogContent {
  return {
    subjectNik: `160205410190${String(i).padStart(4, '0')}`,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    actorType: 'AGENCY',
    actorId: '7d7b8f4e-7a43-4a4e-9d0b-3b7e3f6f9a01',
    actorName: 'BANK CONTOH',
    purpose: 'Pembukaan rekening',
    fields: ['fullName'],
    endpoint: 'POST /verifications',
    correlationId: null,
    requestId: null,
  };
}

function batchContent(i: number, size = 4): AccessLogBatchContent {
  return {
    version: ACCESS_LOG_BATCH_VERSION,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    actorType: 'AGENCY',
    actorId: '7d7b8f4e-7a43-4a4e-9d0b-3b7e3f6f9a01',
    actorName: 'BANK CONTOH',
    endpoint: 'POST /verifications/batch',
    correlationId: 'c0ffee00-0000-4000-8000-000000000001',
    items: {
      subjectNiks: Array.from({ length: size }, (_, j) => `160205410190${String(j).padStart(4, '0')}`),
      purposes: Array.from({ length: size }, () => 'Pembukaan rekening'),
      fields: Array.from({ length: size }, (_, j) => (j % 2 === 0 ? 'fullName,birthDate' : '')),
      requestIds: Array.from({ length: size }, (_, j) => `00000000-0000-4000-8000-${String(j).padStart(12, '0')}`),
    },
  };
}

function compactContent(i: number, size = 4, shared = true): AccessLogCompactBatchContent {
  return {
    version: ACCESS_LOG_COMPACT_BATCH_VERSION,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    actorType: 'AGENCY',
    actorId: '7d7b8f4e-7a43-4a4e-9d0b-3b7e3f6f9a01',
    actorName: 'BANK CONTOH',
    endpoint: 'POST /verifications/batch',
    correlationId: 'c0ffee00-0000-4000-8000-000000000001',
    requestId: '3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1000',
    items: {
      subjectNiks: Array.from({ length: size }, (_, j) => `160205410190${String(j).padStart(4, '0')}`),
      purposes: shared ? ['Pembukaan rekening'] : Array.from({ length: size }, (_, j) => `Tujuan ${j}`),
      fields: shared ? ['fullName,birthDate'] : Array.from({ length: size }, (_, j) => (j % 2 === 0 ? 'sex' : '')),
    },
  };
}

/** A chain of `n` rows with ids 101, 102, … and the head after them; every third a batch row if asked. */
function chain(n: number, withBatches = false) {
  const { chained, head } = chainAfter(
    { seq: '0', hash: GENESIS_HASH },
    Array.from({ length: n }, (_, i): AccessLogRowContent =>
      withBatches && i % 3 === 1 ? batchContent(i + 1) : content(i + 1),
    ),
  );
  const rows: AuditRow[] = chained.map((entry, i) => ({ ...entry, id: String(101 + i) }));
  return { rows, head };
}

function audit(rows: AuditRow[], head: { seq: string; hash: string }) {
  const auditor = new AccessLogAuditor(head);
  const sorted = [...rows].sort((a, b) =>
    a.seq === b.seq ? Number(a.id) - Number(b.id) : Number(BigInt(a.seq) - BigInt(b.seq)),
  );
  for (const row of sorted) auditor.push(row);
  return auditor.finish();
}

describe('access-log hash chain audit', () => {
  it('finds nothing wrong in an intact chain, and an empty log is intact', () => {
    const { rows, head } = chain(10);
    expect(audit(rows, head)).toEqual({ head, rows: 10, findings: [] });
    expect(audit([], { seq: '0', hash: GENESIS_HASH }).findings).toEqual([]);
  });

  it('reports an edited row by id', () => {
    const { rows, head } = chain(10);
    rows[4] = { ...(rows[4] as AuditRow & AccessLogContent), purpose: 'Lain-lain' };
    expect(audit(rows, head).findings).toEqual([{ kind: 'ALTERED', id: '105', seq: '5' }]);
  });

  it('reports an edited link or position', () => {
    const { rows, head } = chain(6);
    rows[2] = { ...rows[2], prevHash: GENESIS_HASH };
    expect(audit(rows, head).findings).toEqual([{ kind: 'ALTERED', id: '103', seq: '3' }]);
  });

  it('reports a removed middle row by position and neighbours', () => {
    const { rows, head } = chain(10);
    rows.splice(6, 1);
    expect(audit(rows, head).findings).toEqual([
      { kind: 'DELETED', fromSeq: '7', toSeq: '7', afterId: '106', beforeId: '108' },
    ]);
  });

  it('reports removed newest rows against the head', () => {
    const { rows, head } = chain(10);
    expect(audit(rows.slice(0, 8), head).findings).toEqual([
      { kind: 'DELETED', fromSeq: '9', toSeq: '10', afterId: '108' },
    ]);
    expect(audit([], head).findings).toEqual([{ kind: 'DELETED', fromSeq: '1', toSeq: '10' }]);
  });

  it('tells a forged, correctly hashed copy from the real entry the chain builds on', () => {
    const { rows, head } = chain(10);
    const forgedContent = { ...content(4), purpose: 'Dipalsukan' };
    const forged: AuditRow = {
      ...forgedContent,
      id: '999',
      seq: '4',
      prevHash: rows[2].hash,
      hash: entryHash('4', rows[2].hash, forgedContent),
    };
    expect(audit([...rows, forged], head).findings).toEqual([{ kind: 'INSERTED', id: '999', seq: '4' }]);
    // Even when the forgery has the lower id, so it is read first.
    const early = { ...forged, id: '50' };
    expect(audit([...rows, early], head).findings).toEqual([{ kind: 'INSERTED', id: '50', seq: '4' }]);
  });

  it('reports rows beyond the head as inserted', () => {
    const { rows, head } = chain(3);
    const extra = chain(4).rows[3];
    expect(audit([...rows, { ...extra, id: '500' }], head).findings).toEqual([
      { kind: 'INSERTED', id: '500', seq: '4' },
    ]);
  });

  it('reports a head that does not match the last entry', () => {
    const { rows, head } = chain(3);
    const findings = audit(rows, { seq: head.seq, hash: 'f'.repeat(64) }).findings;
    expect(findings).toEqual([{ kind: 'HEAD_MISMATCH', seq: '3', expected: 'f'.repeat(64), found: head.hash }]);
  });

  it('reports several kinds of tampering in one pass', () => {
    const { rows, head } = chain(20);
    rows[1] = { ...rows[1], actorName: 'ORANG LAIN' };
    rows.splice(9, 2); // seq 10 and 11
    const findings = audit(rows, head).findings;
    expect(findings).toEqual([
      { kind: 'ALTERED', id: '102', seq: '2' },
      { kind: 'DELETED', fromSeq: '10', toSeq: '11', afterId: '109', beforeId: '112' },
    ]);
  });

  describe('batch rows (version 2)', () => {
    type BatchRow = AuditRow & AccessLogBatchContent;
    const batchAt = (rows: AuditRow[], i: number): BatchRow => rows[i] as BatchRow;
    const withItems = (row: BatchRow, items: Partial<AccessLogBatchContent['items']>): AuditRow => ({
      ...row,
      items: { ...row.items, ...items },
    });

    it('finds nothing wrong in a chain of single and batch rows', () => {
      const { rows, head } = chain(9, true);
      expect(rows.filter((row) => row.version === ACCESS_LOG_BATCH_VERSION)).toHaveLength(3);
      expect(audit(rows, head)).toEqual({ head, rows: 9, findings: [] });
    });

    it('hashes the version: a single row cannot pass for a batch row or the reverse', () => {
      const batch = batchContent(1);
      const single = content(1);
      expect(entryHash('1', GENESIS_HASH, batch)).not.toBe(entryHash('1', GENESIS_HASH, single));
      expect(entryHash('1', GENESIS_HASH, batch)).toMatch(/^[0-9a-f]{64}$/);
    });

    it('reports an altered item: purpose, fields, NIK or request id', () => {
      const { rows, head } = chain(6, true);
      const row = batchAt(rows, 1);
      const changes: Array<Partial<AccessLogBatchContent['items']>> = [
        { purposes: ['Pembukaan rekening', 'Lain-lain', 'Pembukaan rekening', 'Pembukaan rekening'] },
        { fields: ['fullName,birthDate', 'motherName', 'fullName,birthDate', ''] },
        { subjectNiks: [row.items.subjectNiks[0], '1602054101900099', ...row.items.subjectNiks.slice(2)] },
        { requestIds: [...row.items.requestIds].reverse() },
      ];
      for (const change of changes) {
        const tampered = [...rows];
        tampered[1] = withItems(row, change);
        expect(audit(tampered, head).findings).toEqual([{ kind: 'ALTERED', id: '102', seq: '2' }]);
      }
    });

    it('reports a removed item, whether the arrays were cut alike or not', () => {
      const { rows, head } = chain(6, true);
      const row = batchAt(rows, 4);
      const cut = <T>(values: readonly T[]): T[] => [...values.slice(0, 2), ...values.slice(3)];
      const alike = [...rows];
      alike[4] = withItems(row, {
        subjectNiks: cut(row.items.subjectNiks),
        purposes: cut(row.items.purposes),
        fields: cut(row.items.fields),
        requestIds: cut(row.items.requestIds),
      });
      expect(audit(alike, head).findings).toEqual([{ kind: 'ALTERED', id: '105', seq: '5' }]);
      const uneven = [...rows];
      uneven[4] = withItems(row, { subjectNiks: cut(row.items.subjectNiks) });
      expect(audit(uneven, head).findings).toEqual([{ kind: 'ALTERED', id: '105', seq: '5' }]);
    });

    it('reports a removed batch row as a gap, like any entry', () => {
      const { rows, head } = chain(6, true);
      rows.splice(1, 1);
      expect(audit(rows, head).findings).toEqual([
        { kind: 'DELETED', fromSeq: '2', toSeq: '2', afterId: '101', beforeId: '103' },
      ]);
    });
  });
  describe('compact batch rows (version 3)', () => {
    type CompactRow = AuditRow & AccessLogCompactBatchContent;
    /** Rows 1, 4, 7, … compact batches (shared purpose and fields in 1, per item in 4, …). */
    function compactChain(n: number) {
      const { chained, head } = chainAfter(
        { seq: '0', hash: GENESIS_HASH },
        Array.from({ length: n }, (_, i): AccessLogRowContent =>
          i % 3 === 1 ? compactContent(i + 1, 4, i % 2 === 1) : content(i + 1),
        ),
      );
      return { rows: chained.map((entry, i): AuditRow => ({ ...entry, id: String(101 + i) })), head };
    }
    type Edit = Omit<Partial<CompactRow>, 'items'> & { items?: Partial<CompactRow['items']> };
    const change = (row: AuditRow, edit: Edit): AuditRow => {
      const compact = row as CompactRow;
      return { ...compact, ...edit, items: { ...compact.items, ...edit.items } };
    };

    it('finds nothing wrong in a chain of single, compact and per-item batch rows', () => {
      const { rows, head } = compactChain(9);
      expect(rows.filter((row) => row.version === ACCESS_LOG_COMPACT_BATCH_VERSION)).toHaveLength(3);
      expect(audit(rows, head)).toEqual({ head, rows: 9, findings: [] });
    });

    it('hashes the version: a compact row cannot pass for a version-2 row', () => {
      const compact = compactContent(1);
      const asTwo = { ...compact, version: ACCESS_LOG_BATCH_VERSION } as unknown as AccessLogBatchContent;
      expect(entryHash('1', GENESIS_HASH, compact)).toMatch(/^[0-9a-f]{64}$/);
      expect(entryHash('1', GENESIS_HASH, asTwo)).not.toBe(entryHash('1', GENESIS_HASH, compact));
    });

    it('reports an altered shared purpose or field list, a NIK, or the request id the items derive theirs from', () => {
      const { rows, head } = compactChain(6);
      const row = rows[1] as CompactRow;
      const edits: Edit[] = [
        { items: { purposes: ['Lain-lain'] } },
        { items: { fields: ['fullName'] } },
        { items: { subjectNiks: [...row.items.subjectNiks].reverse() } },
        { items: { purposes: Array.from({ length: 4 }, () => 'Pembukaan rekening') } },
        { requestId: '3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b2000' },
      ];
      for (const edit of edits) {
        const tampered = [...rows];
        tampered[1] = change(row, edit);
        expect(audit(tampered, head).findings).toEqual([{ kind: 'ALTERED', id: '102', seq: '2' }]);
      }
    });

    it('gives no valid hash to a row that cannot be read item by item', () => {
      const good = compactContent(1);
      for (const bad of [
        { ...good, items: { ...good.items, purposes: ['a', 'b'] } },
        { ...good, items: { ...good.items, subjectNiks: [] } },
        { ...good, requestId: '3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1001' },
      ]) {
        expect(entryHash('1', GENESIS_HASH, bad)).not.toMatch(/^[0-9a-f]{64}$/);
      }
    });

    it("derives each item's request id from the first: a well-formed UUID, unique within the call", () => {
      const first = compactContent(1).requestId;
      const ids = Array.from({ length: 1000 }, (_, k) => batchRequestId(first, k));
      expect(ids[0]).toBe(first);
      expect(ids[999]).toBe('3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b13e7');
      expect(new Set(ids).size).toBe(1000);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });
  });
});
