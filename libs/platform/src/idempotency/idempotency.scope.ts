import { AsyncLocalStorage } from 'node:async_hooks';

/** The safe retry a service handler runs under: who asked, with which key, for what. */
export interface IdempotencyScope {
  caller: string;
  key: string;
  fingerprint: string;
  subject: string;
  /** Record the key in the handler's own transaction (the effect and the key commit together). */
  atomic: boolean;
  /** The first row the handler inserted (its id, and its application's when it has one). */
  resource?: { table: string; id: string; applicationId?: string };
  /** Set once a transaction holding the key row committed. */
  recorded: boolean;
  pending: boolean;
}

export const idempotencyScope = new AsyncLocalStorage<IdempotencyScope>();
