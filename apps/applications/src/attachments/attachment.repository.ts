import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity.js';
import { AttachmentEntity } from './attachment.entity.js';

export interface UploadSession {
  id: string;
  applicationId: string;
  accountId: string;
  kind: string;
  fileName: string;
}

/** Attachments, their bytes (bytea, read in slices) and upload sessions. */
@Injectable()
export class AttachmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Finishing an upload: everything done through `tx` commits together. */
  transaction<T>(work: (tx: AttachmentTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new AttachmentTransaction(manager)));
  }

  async startUpload(session: UploadSession): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO attachment_upload (id, application_id, account_id, kind, file_name, created_at)
       VALUES ($1, $2, $3, $4, $5, now())`,
      [session.id, session.applicationId, session.accountId, session.kind, session.fileName],
    );
  }

  findUpload(id: string): Promise<UploadSession | undefined> {
    return readUpload(this.dataSource.manager, id);
  }

  /** Stores chunk `seq`; a chunk sent again (a retry) replaces itself, so retries are harmless. */
  async putChunk(uploadId: string, seq: number, data: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO attachment_upload_chunk (upload_id, seq, data) VALUES ($1, $2, $3)
       ON CONFLICT (upload_id, seq) DO UPDATE SET data = EXCLUDED.data`,
      [uploadId, seq, data],
    );
  }

  /** Bytes received so far, without reading them. */
  async uploadedBytes(uploadId: string): Promise<number> {
    const rows: Array<{ total: string | null }> = await this.dataSource.query(
      `SELECT sum(length(data)) AS total FROM attachment_upload_chunk WHERE upload_id = $1`,
      [uploadId],
    );
    return Number(rows[0]?.total ?? 0);
  }

  /** Sessions nobody finished (a client that went away) are dropped after a while. */
  async deleteStaleUploads(olderThanMinutes: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM attachment_upload WHERE created_at < now() - make_interval(mins => $1)`, [
      olderThanMinutes,
    ]);
  }

  find(applicationId: string, attachmentId: string): Promise<AttachmentEntity | null> {
    return this.dataSource.getRepository(AttachmentEntity).findOne({ where: { id: attachmentId, applicationId } });
  }

  /** `length` bytes from `offset` (0-based); stored uncompressed, so only those pages are read. */
  async slice(attachmentId: string, offset: number, length: number): Promise<Buffer> {
    const rows: Array<{ part: Buffer }> = await this.dataSource.query(
      `SELECT substring(content FROM $2::int + 1 FOR $3::int) AS part FROM attachment_content WHERE attachment_id = $1`,
      [attachmentId, offset, length],
    );
    return rows[0]?.part ?? Buffer.alloc(0);
  }
}

/** The writes of one upload's completion, in one transaction. */
export class AttachmentTransaction {
  constructor(private readonly manager: EntityManager) {}

  findUpload(id: string): Promise<UploadSession | undefined> {
    return readUpload(this.manager, id);
  }

  /** The application the evidence is for, locked until the transaction ends (its status decides). */
  lockApplication(id: string): Promise<ApplicationEntity | null> {
    return this.manager.findOne(ApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The chunks in order, and whether their numbers run 0..n-1 without a gap. */
  async chunks(uploadId: string): Promise<{ data: Buffer; complete: boolean }> {
    const rows: Array<{ seq: number; data: Buffer }> = await this.manager.query(
      `SELECT seq, data FROM attachment_upload_chunk WHERE upload_id = $1 ORDER BY seq`,
      [uploadId],
    );
    return { data: Buffer.concat(rows.map((r) => r.data)), complete: rows.every((r, i) => r.seq === i) };
  }

  async deleteUpload(uploadId: string): Promise<void> {
    await this.manager.query(`DELETE FROM attachment_upload WHERE id = $1`, [uploadId]);
  }

  async insert(attachment: AttachmentEntity, content: Buffer): Promise<void> {
    await this.manager.insert(AttachmentEntity, attachment);
    await this.manager.query(`INSERT INTO attachment_content (attachment_id, content) VALUES ($1, $2)`, [
      attachment.id,
      content,
    ]);
  }
}

async function readUpload(manager: EntityManager, id: string): Promise<UploadSession | undefined> {
  const rows: Array<{ id: string; application_id: string; account_id: string; kind: string; file_name: string }> =
    await manager.query(`SELECT id, application_id, account_id, kind, file_name FROM attachment_upload WHERE id = $1`, [
      id,
    ]);
  const row = rows[0];
  return row === undefined
    ? undefined
    : {
        id: row.id,
        applicationId: row.application_id,
        accountId: row.account_id,
        kind: row.kind,
        fileName: row.file_name,
      };
}
