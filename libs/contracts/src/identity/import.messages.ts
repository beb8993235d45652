import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { FieldError } from '#lib/domain';
import { Principal } from './principal.js';

/**
 * The registry import travels as a session: the gateway streams the CSV body and sends it in
 * line-aligned chunks small enough for a NATS message, numbered in file order, each with the
 * number of its first line in the file; identity stages each chunk as it comes (several at once,
 * in any order, on any replica: the session's state lives in its database) and merges the
 * session when it is finished.
 */
export const IMPORT_CHUNK_MAX_BYTES = 512 * 1024;

/** `identity.import.start`: checks the header line and opens a session. */
export class StartImportRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  /** The header line as sent (line 1), without its line break. */
  @IsString()
  @MaxLength(10_000)
  header: string;
}

export interface StartImportReply {
  importId: string;
}

/** `identity.import.chunk`: whole CSV records, validated and staged at once. */
export class ImportChunkRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsUUID()
  importId: string;

  /** 0, 1, 2, … in the order of the file; a chunk already staged is acknowledged again. */
  @IsInt()
  @Min(0)
  seq: number;

  /** The number of the chunk's first line in the file (the header is line 1). */
  @IsInt()
  @Min(2)
  firstLine: number;

  @IsString()
  @MaxLength(IMPORT_CHUNK_MAX_BYTES)
  text: string;
}

export interface ImportChunkReply {
  rows: number;
  rejected: number;
}

/** `identity.import.finish`: merges the session's staged rows, closes it and gives its counts. */
export class FinishImportRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsUUID()
  importId: string;

  /**
   * How many chunks were sent (seq 0 … chunks − 1): the session is merged only when every one
   * of them was staged. Without it, the chunks staged must run from 0 without a gap.
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  chunks?: number;
}

export interface FinishImportReply {
  imported: number;
  updated: number;
  rejectedCount: number;
}

/** `identity.import-rejection.list`: the rejected rows of a session, by line, a page at a time. */
export class ListImportRejectionsRequest {
  @ValidateNested()
  @Type(() => Principal)
  principal: Principal;

  @IsUUID()
  importId: string;

  /** Rows after this line number. */
  @IsOptional()
  @IsInt()
  @Min(0)
  afterLine?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;
}

export interface ImportRejection {
  line: number;
  errors: FieldError[];
}

export interface ListImportRejectionsReply {
  items: ImportRejection[];
}
