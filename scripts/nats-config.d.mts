export const NATS_APPS: string[];
export interface NatsPermissions {
  publish?: { allow?: string[]; deny?: string[] };
  subscribe?: { allow?: string[]; deny?: string[] };
  allow_responses?: boolean;
}
export function natsPermissions(): Record<string, NatsPermissions>;
/** The request subjects each app calls (an allow-list; checked against libs/contracts). */
export const RPC_CALLS: Record<'gateway' | 'identity' | 'applications' | 'documents', string[]>;
export function jetStreamPermissions(app: 'identity' | 'applications' | 'documents'): string[];
export interface NatsSetup {
  configFile: string;
  peersFile: string;
  peers: Record<string, string>;
  seeds: Record<string, string>;
  seedFiles: Record<string, string>;
  caFile?: string;
}
export function writeNatsSetup(options: {
  dir: string;
  tls?: boolean;
  tlsHosts?: string[];
  extraUsers?: Record<string, { nkey: string; permissions: NatsPermissions }>;
  serverDir?: string;
}): NatsSetup;
