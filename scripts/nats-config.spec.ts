import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ApplicationsRpc, DocumentsRpc, EventSubjects, IdentityRpc, type AnyRpcDefinition } from '#lib/contracts';
import { natsPermissions, RPC_CALLS } from './nats-config.mjs';

const TABLES: Record<string, Record<string, AnyRpcDefinition>> = { IdentityRpc, ApplicationsRpc, DocumentsRpc };
const SERVICE_OF_TABLE: Record<string, string> = {
  IdentityRpc: 'identity',
  ApplicationsRpc: 'applications',
  DocumentsRpc: 'documents',
};
const APPS = ['gateway', 'identity', 'applications', 'documents'] as const;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.ts$/.test(entry.name) && !/\.(spec|int-spec)\.ts$/.test(entry.name) ? [file] : [];
  });
}

/** The RPC subjects an app's code calls: every reference to another service's RPC table. */
function calledBy(app: (typeof APPS)[number]): string[] {
  const called = new Set<string>();
  for (const file of sources(path.join('apps', app, 'src'))) {
    for (const [, table, name] of readFileSync(file, 'utf8').matchAll(
      /\b(IdentityRpc|ApplicationsRpc|DocumentsRpc)\.([A-Z_]+)\b/g,
    )) {
      if (SERVICE_OF_TABLE[table] === app) continue; // its own handlers
      const rpc = TABLES[table][name];
      if (rpc === undefined) throw new Error(`${file}: ${table}.${name} is not declared`);
      called.add(rpc.subject);
    }
  }
  return [...called].sort();
}

describe('NATS permissions (scripts/nats-config.mjs)', () => {
  const permissions = natsPermissions();
  const declared = new Set(Object.values(TABLES).flatMap((table) => Object.values(table).map((rpc) => rpc.subject)));

  it.each(APPS)('lets %s call exactly the RPC subjects its code calls, each declared in libs/contracts', (app) => {
    expect([...RPC_CALLS[app]].sort()).toEqual(calledBy(app));
    for (const subject of RPC_CALLS[app]) expect(declared).toContain(subject);
  });

  it('gives every app an allow-list: no deny-lists, no service or JetStream wildcards', () => {
    for (const [app, rules] of Object.entries(permissions)) {
      expect({ app, deny: rules.publish?.deny }).toEqual({ app, deny: undefined });
      expect({ app, deny: rules.subscribe?.deny }).toEqual({ app, deny: undefined });
      for (const subject of rules.publish?.allow ?? []) {
        // Only a consumer's own ack subjects and its filtered create request end in a wildcard —
        // and identity's reading of its own AUDIT_ANCHORS stream (an ordered consumer: random names).
        if (subject.endsWith('.>') && !(app === 'identity' && /^\$JS\.[A-Z.]+\.AUDIT_ANCHORS\.>$/.test(subject)))
          expect(subject).toMatch(/^\$JS\.(ACK|API\.CONSUMER\.CREATE)\.[A-Z_]+\.[a-z-]+\.>$/);
        expect(subject).not.toContain('*');
      }
    }
  });

  it('lets the gateway publish requests only: no event, no internal subject, no JetStream', () => {
    const allowed = permissions['gateway'].publish?.allow ?? [];
    expect(allowed).toEqual(RPC_CALLS.gateway);
    for (const event of Object.values(EventSubjects)) expect(allowed).not.toContain(event);
    expect(allowed).not.toContain(IdentityRpc.PERSONS_GET.subject);
    expect(allowed.filter((s) => s.startsWith('$JS'))).toEqual([]);
    // Its replies, and identity's broadcast that an account's tokens changed (nothing it could answer).
    expect(permissions['gateway'].subscribe?.allow).toEqual(['_INBOX_gateway.>', 'identity.account.sessions-changed']);
  });

  it('lets each event subject be published by its owning service (and the operator, to replay) only', () => {
    for (const subject of Object.values(EventSubjects)) {
      const publishers = Object.entries(permissions)
        .filter(([, rules]) => rules.publish?.allow?.includes(subject))
        .map(([app]) => app)
        .sort();
      expect(publishers).toEqual([subject.split('.')[0], 'operator'].sort());
    }
  });
});
