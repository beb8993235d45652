import type { ChildProcess } from 'node:child_process';
export const DEFAULT_NATS_URL: string;
export const DEFAULT_DATABASE_URL: string;
export const INSTALL_HINT: string;
export function canConnect(host: string, port: number, timeoutMs?: number): Promise<boolean>;
export function hostPortOf(url: string, defaultPort: number): { host: string; port: number };
export function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void>;
export function freePort(): Promise<number>;
export function findBinary(names: string[], extraDirs?: string[]): string | undefined;
export function findPostgresBinaries(): { initdb: string; pgCtl: string } | undefined;
export function startNats(options: {
  port: number;
  dataDir: string;
  configFile?: string;
  /** The server's own log (`-l`): tests read it for permission violations. */
  logFile?: string;
  binary?: string;
  quiet?: boolean;
}): Promise<ChildProcess>;
export function startPrivatePostgres(options: {
  port: number;
  dataDir: string;
}): Promise<{ url: string; stop(mode?: 'smart' | 'fast' | 'immediate'): void }>;
