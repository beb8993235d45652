import { entryHash, GENESIS_HASH, type ChainedEntry, type ChainHead } from './access-log-chain.js';

/** A stored access-log row as the audit reads it (a single read or a batch call). */
export type AuditRow = ChainedEntry & { id: string };

export type AuditFinding =
  /** The row's content, position or link was changed after it was written. */
  | { kind: 'ALTERED'; id: string; seq: string }
  /** A row that is not part of the chain: a duplicate position, or beyond the head. */
  | { kind: 'INSERTED'; id: string; seq: string }
  /** Positions `fromSeq`–`toSeq` are missing, between the rows with these ids. */
  | { kind: 'DELETED'; fromSeq: string; toSeq: string; afterId?: string; beforeId?: string }
  /** The last entry does not hash to the recorded head. */
  | { kind: 'HEAD_MISMATCH'; seq: string; expected: string; found: string };

export interface AuditReport {
  head: ChainHead;
  rows: number;
  findings: AuditFinding[];
}

/**
 * Walks the access log in chain order (seq, then id) and reports every altered, inserted or
 * deleted entry. Streaming: rows are pushed a page at a time and only two positions are held in
 * memory, so the whole log can be checked whatever its size.
 *
 * When several rows claim one position, the one the next position's `prevHash` points to (and
 * that links to the previous one) is the real entry; the others were inserted. A copied-and-
 * rehashed forgery is thus told apart from the entry the rest of the chain was built on.
 */
export class AccessLogAuditor {
  private readonly headSeq: bigint;
  private expectedSeq = 1n;
  /** The hash the next entry must point to; undefined after a gap (it died with the gap). */
  private prevHash: string | undefined = GENESIS_HASH;
  private lastId: string | undefined;
  private collecting: AuditRow[] = [];
  private ready: AuditRow[] | undefined;
  private count = 0;
  private readonly findings: AuditFinding[] = [];

  constructor(private readonly head: ChainHead) {
    this.headSeq = BigInt(head.seq);
  }

  /** Rows must come in (seq, id) order. */
  push(row: AuditRow): void {
    this.count++;
    if (this.collecting.length > 0 && this.collecting[0].seq !== row.seq) this.complete(this.collecting);
    this.collecting.push(row);
  }

  finish(): AuditReport {
    if (this.collecting.length > 0) this.complete(this.collecting);
    this.collecting = [];
    if (this.ready !== undefined) this.check(this.ready, undefined);
    this.ready = undefined;
    if (this.expectedSeq <= this.headSeq) {
      this.findings.push({
        kind: 'DELETED',
        fromSeq: String(this.expectedSeq),
        toSeq: this.head.seq,
        ...(this.lastId === undefined ? {} : { afterId: this.lastId }),
      });
    } else if (this.prevHash !== undefined && this.prevHash !== this.head.hash) {
      this.findings.push({ kind: 'HEAD_MISMATCH', seq: this.head.seq, expected: this.head.hash, found: this.prevHash });
    }
    return { head: this.head, rows: this.count, findings: this.findings };
  }

  private complete(group: AuditRow[]): void {
    if (this.ready !== undefined) this.check(this.ready, group);
    this.ready = group;
    this.collecting = [];
  }

  private check(group: readonly AuditRow[], next: readonly AuditRow[] | undefined): void {
    const seq = BigInt(group[0].seq);
    if (seq < 1n || seq > this.headSeq) {
      for (const row of group) this.findings.push({ kind: 'INSERTED', id: row.id, seq: row.seq });
      return;
    }
    if (seq > this.expectedSeq) {
      this.findings.push({
        kind: 'DELETED',
        fromSeq: String(this.expectedSeq),
        toSeq: String(seq - 1n),
        ...(this.lastId === undefined ? {} : { afterId: this.lastId }),
        beforeId: group[0].id,
      });
      this.prevHash = undefined;
    }
    const pointedTo =
      next !== undefined && BigInt(next[0].seq) === seq + 1n ? new Set(next.map((row) => row.prevHash)) : undefined;
    const links = (row: AuditRow): boolean => this.prevHash === undefined || row.prevHash === this.prevHash;
    const isPointedTo = (row: AuditRow): boolean => pointedTo?.has(row.hash) === true;
    const genuine =
      group.find((row) => links(row) && isPointedTo(row)) ?? group.find(isPointedTo) ?? group.find(links) ?? group[0];
    for (const row of group) {
      if (row !== genuine) this.findings.push({ kind: 'INSERTED', id: row.id, seq: row.seq });
    }
    if (entryHash(genuine.seq, genuine.prevHash, genuine) !== genuine.hash || !links(genuine)) {
      this.findings.push({ kind: 'ALTERED', id: genuine.id, seq: genuine.seq });
    }
    this.prevHash = genuine.hash;
    this.expectedSeq = seq + 1n;
    this.lastId = genuine.id;
  }
}
