import type { ChildProcess } from 'node:child_process';
export interface SupervisorPolicy {
  initialBackoffMs: number;
  maxBackoffMs: number;
  maxCrashes: number;
  windowMs: number;
}
export const SUPERVISOR_DEFAULTS: SupervisorPolicy;
export interface AppSpec {
  command: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  onOutput?: (child: ChildProcess) => void;
}
export interface Supervisor {
  start(name: string, spec: AppSpec): ChildProcess | undefined;
  child(name: string): ChildProcess | undefined;
  starts(name: string): number;
  names(): string[];
  stopApp(name: string, options?: { signal?: NodeJS.Signals; timeoutMs?: number }): Promise<void>;
  resumeApp(name: string): void;
  stopAll(options?: { timeoutMs?: number }): Promise<void>;
}
export function createSupervisor(options?: {
  log?: (app: string, text: string) => void;
  onGiveUp?: (app: string, reason: string) => void;
  policy?: Partial<SupervisorPolicy>;
}): Supervisor;
