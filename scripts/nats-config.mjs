#!/usr/bin/env node
// The one NATS server configuration of the system: who may connect (one nkey per app) and what
// each app may publish and subscribe (least privilege, ADR 0005). `npm start`, the test stacks,
// the benchmarks and docker-compose all write it with this module; only the keys differ.
//
//   node scripts/nats-config.mjs <dir> [--tls] [--tls-host <name>]…
//
// writes into <dir> (keeping any keys already there, so a re-run does not rotate them):
//   nkeys/<app>.nk      each app's secret nkey seed (mode 0600) → NATS_NKEY_SEED_FILE
//   peers.json          every app's public nkey                → NATS_PEERS_FILE
//   nats-server.conf    authorization (+ tls) for `nats-server -c`
//   tls/ca.pem, tls/server.pem, tls/server-key.pem  with --tls: a self-signed development CA
//                       and the server certificate it signs    → NATS_TLS_CA_FILE
// Plain ESM JavaScript: it runs before anything is built.
import { createUser, fromSeed } from '@nats-io/nkeys';
import forge from 'node-forge';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const NATS_APPS = ['gateway', 'identity', 'applications', 'documents', 'operator'];

/** Events: each has one publisher, its owning service (libs/contracts/src/events/streams.ts). */
const EVENTS = {
  identity: { stream: 'IDENTITY_EVENTS', subjects: ['identity.registry.change-applied'] },
  applications: { stream: 'APPLICATIONS_EVENTS', subjects: ['applications.application.approved'] },
  documents: { stream: 'DOCUMENTS_EVENTS', subjects: ['documents.document-set.issued'] },
};
/**
 * Each service's durable consumer (libs/contracts `Consumers`): the producer whose stream it
 * reads and the one event subject it filters on. It copies failed events to `dead-letter.<durable>`.
 */
const CONSUMERS = {
  identity: { durable: 'identity-applies-approvals', producer: 'applications' },
  applications: { durable: 'applications-records-issuance', producer: 'documents' },
  documents: { durable: 'documents-issues-documents', producer: 'identity' },
};
const DEAD_LETTERS = 'DEAD_LETTERS';

/**
 * The request subjects each app calls, by name: an allow-list, so a subject added to a service
 * is callable by no one until it is added here. These are the `defineRpc` subjects of
 * libs/contracts (`IdentityRpc`, `ApplicationsRpc`, `DocumentsRpc`) that the app's code calls;
 * scripts/nats-config.spec.ts checks both ways against the tables and the apps' sources, so the
 * RPC tables stay the one source of truth. Identity's internal subjects (`identity.persons.get`,
 * `identity.family.get`, …: no caller rules, no access-log entry) are on no list but
 * applications'.
 */
export const RPC_CALLS = {
  gateway: [
    'identity.health.check',
    'identity.account.register',
    'identity.account.login',
    'identity.account.get',
    'identity.staff.create',
    'identity.agency.create',
    'identity.agency.suspend',
    'identity.agency.resume',
    'identity.agency.token',
    'identity.agency.list',
    'identity.session.refresh',
    'identity.session.revoke',
    'identity.session.state',
    'identity.session.list',
    'identity.session.end',
    'identity.session.end-others',
    'identity.account.change-password',
    'identity.mfa.start',
    'identity.mfa.confirm',
    'identity.mfa.verify',
    'identity.mfa.recovery-codes',
    'identity.staff.list',
    'identity.staff.disable',
    'identity.staff.enable',
    'identity.staff.reset-password',
    'identity.staff.reset-mfa',
    'identity.verification.verify',
    'identity.verification.verify-batch',
    'identity.verification.verify-many',
    'identity.resident.read',
    'identity.family.read',
    'identity.family.read-own',
    'identity.access-log.list',
    'identity.import.start',
    'identity.import.chunk',
    'identity.import.finish',
    'identity.import-rejection.list',
    'applications.health.check',
    'applications.application.submit',
    'applications.application.resubmit',
    'applications.application.cancel',
    'applications.application.verify',
    'applications.application.return',
    'applications.application.reject',
    'applications.application.approve',
    'applications.application.get',
    'applications.application.list',
    'applications.attachment-upload.start',
    'applications.attachment-upload.chunk',
    'applications.attachment-upload.finish',
    'applications.attachment.get',
    'applications.attachment.read',
    'documents.health.check',
    'documents.document.get',
    'documents.document-file.read',
    'documents.document.revoke',
    'documents.public.verify',
  ],
  identity: [],
  applications: [
    // Staff reads of applications and their evidence, for the access log (the actor is the token's).
    'identity.access-log.record-staff-read',
    'identity.persons.get',
    'identity.family.get',
    'identity.family.find-by-member',
    'identity.account.get',
  ],
  // Staff reads of documents, for the access log.
  documents: ['identity.access-log.record-staff-read'],
};

/**
 * Identity's plain broadcasts (no JetStream, no queue group): every gateway replica hears each one
 * and drops what it cached about the account (libs/contracts IdentityBroadcasts).
 */
const IDENTITY_BROADCASTS = ['identity.account.sessions-changed'];

/** The access log's chain-head anchors (issue #13): identity publishes and reads them, nobody else. */
const AUDIT_ANCHORS = { stream: 'AUDIT_ANCHORS', subject: 'audit.anchor.access-log' };
const AUDIT_ANCHOR_PERMISSIONS = [
  AUDIT_ANCHORS.subject,
  `$JS.API.STREAM.INFO.${AUDIT_ANCHORS.stream}`,
  `$JS.API.STREAM.CREATE.${AUDIT_ANCHORS.stream}`,
  `$JS.API.STREAM.MSG.GET.${AUDIT_ANCHORS.stream}`,
  `$JS.API.DIRECT.GET.${AUDIT_ANCHORS.stream}`,
  `$JS.API.DIRECT.GET.${AUDIT_ANCHORS.stream}.>`,
  `$JS.API.CONSUMER.CREATE.${AUDIT_ANCHORS.stream}`,
  `$JS.API.CONSUMER.CREATE.${AUDIT_ANCHORS.stream}.>`,
  `$JS.API.CONSUMER.MSG.NEXT.${AUDIT_ANCHORS.stream}.>`,
  `$JS.API.CONSUMER.DELETE.${AUDIT_ANCHORS.stream}.>`,
  `$JS.API.CONSUMER.INFO.${AUDIT_ANCHORS.stream}.>`,
  `$JS.ACK.${AUDIT_ANCHORS.stream}.>`,
];

/**
 * What an app may ask of JetStream, by name — never `$JS.API.>`:
 * - its own stream: look it up and create it (only its producer creates a stream, so no one else
 *   can define it with other subjects or a subject transform), and publish its events;
 * - the stream it consumes: look it up (never create), and only its own durable consumer on it —
 *   create/update it, read its info, pull its next messages and acknowledge them;
 * - dead letters: look up or create the dead-letter stream and publish `dead-letter.<its durable>`.
 * It cannot read a stream's messages directly, list or delete streams or consumers, or touch
 * another service's consumer.
 */
export function jetStreamPermissions(app) {
  const own = EVENTS[app].stream;
  const { durable, producer } = CONSUMERS[app];
  const consumed = EVENTS[producer].stream;
  return [
    '$JS.API.INFO',
    `$JS.API.STREAM.INFO.${own}`,
    `$JS.API.STREAM.CREATE.${own}`,
    `$JS.API.STREAM.INFO.${consumed}`,
    `$JS.API.CONSUMER.CREATE.${consumed}.${durable}`,
    `$JS.API.CONSUMER.CREATE.${consumed}.${durable}.>`,
    `$JS.API.CONSUMER.DURABLE.CREATE.${consumed}.${durable}`,
    `$JS.API.CONSUMER.INFO.${consumed}.${durable}`,
    `$JS.API.CONSUMER.MSG.NEXT.${consumed}.${durable}`,
    `$JS.ACK.${consumed}.${durable}.>`,
    `dead-letter.${durable}`,
    `$JS.API.STREAM.INFO.${DEAD_LETTERS}`,
    `$JS.API.STREAM.CREATE.${DEAD_LETTERS}`,
  ];
}

const ALL_EVENT_SUBJECTS = Object.values(EVENTS).flatMap((e) => e.subjects);

/**
 * The permission table: every entry an allow-list (no app has a deny-list to forget to extend).
 * Replies to requests an app received are allowed by `allow_responses` (only to the reply
 * subject of a request it was delivered); every app reads replies only on its own inbox prefix
 * `_INBOX_<app>.` (the apps set it), so no app reads another's replies.
 */
export function natsPermissions() {
  const inbox = (app) => `_INBOX_${app}.>`;
  return {
    // The gateway asks the services what HTTP clients ask, subject by subject: never an
    // internal registry subject, never an event, never JetStream; it answers nothing.
    gateway: {
      publish: { allow: [...RPC_CALLS.gateway] },
      // Its replies, and identity's broadcasts that tokens of an account changed.
      subscribe: { allow: [inbox('gateway'), ...IDENTITY_BROADCASTS] },
    },
    // Only identity answers identity.* (so only it reads logins) and only it announces
    // registry changes and session revocations. It alone anchors the access log's chain head
    // (AUDIT_ANCHORS) and reads the anchors back.
    identity: {
      publish: {
        allow: [
          ...RPC_CALLS.identity,
          ...EVENTS.identity.subjects,
          ...IDENTITY_BROADCASTS,
          ...jetStreamPermissions('identity'),
          ...AUDIT_ANCHOR_PERMISSIONS,
        ],
      },
      subscribe: { allow: ['identity.>', inbox('identity')] },
      allow_responses: true,
    },
    // Applications asks the registry what a submission and an approval need, and alone
    // announces approvals.
    applications: {
      publish: {
        allow: [...RPC_CALLS.applications, ...EVENTS.applications.subjects, ...jetStreamPermissions('applications')],
      },
      subscribe: { allow: ['applications.>', inbox('applications')] },
      allow_responses: true,
    },
    // `npm run events:dead-letters`: an operator lists and replays dead letters, so this key may
    // publish every event subject — keep it off the servers, with the operator.
    operator: {
      publish: {
        allow: [
          ...ALL_EVENT_SUBJECTS,
          '$JS.API.INFO',
          `$JS.API.STREAM.INFO.${DEAD_LETTERS}`,
          `$JS.API.STREAM.MSG.GET.${DEAD_LETTERS}`,
          `$JS.API.STREAM.MSG.DELETE.${DEAD_LETTERS}`,
          `$JS.API.DIRECT.GET.${DEAD_LETTERS}`,
        ],
      },
      subscribe: { allow: [inbox('operator')] },
    },
    // Documents asks identity only to log staff reads of documents; it alone announces issued
    // document sets.
    documents: {
      publish: { allow: [...RPC_CALLS.documents, ...EVENTS.documents.subjects, ...jetStreamPermissions('documents')] },
      subscribe: { allow: ['documents.>', inbox('documents')] },
      allow_responses: true,
    },
  };
}

function quote(value) {
  return JSON.stringify(value);
}

function permissionsBlock(permissions) {
  const list = (values) => `[${values.map(quote).join(', ')}]`;
  const part = (name, rule) =>
    rule ? `      ${name}: { allow: ${list(rule.allow ?? [])}${rule.deny ? `, deny: ${list(rule.deny)}` : ''} }\n` : '';
  return (
    `    permissions: {\n${part('publish', permissions.publish)}${part('subscribe', permissions.subscribe)}` +
    (permissions.allow_responses ? '      allow_responses: true\n' : '') +
    '    }\n'
  );
}

/** Each app's seed in <dir>/nkeys, made once. */
export function ensureNkeys(dir, apps = NATS_APPS) {
  const keysDir = path.join(dir, 'nkeys');
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const seeds = {};
  const peers = {};
  const seedFiles = {};
  for (const app of apps) {
    const file = path.join(keysDir, `${app}.nk`);
    if (!existsSync(file)) {
      writeFileSync(file, `${new TextDecoder().decode(createUser().getSeed())}\n`, { mode: 0o600 });
    }
    chmodSync(file, 0o600);
    const seed = readFileSync(file, 'utf8').trim();
    seeds[app] = seed;
    seedFiles[app] = file;
    peers[app] = fromSeed(new TextEncoder().encode(seed)).getPublicKey();
  }
  return { seeds, peers, seedFiles };
}

/** A self-signed CA and a server certificate it signs for `hosts` (development only). */
export function ensureDevTls(dir, hosts) {
  const tlsDir = path.join(dir, 'tls');
  const files = {
    ca: path.join(tlsDir, 'ca.pem'),
    cert: path.join(tlsDir, 'server.pem'),
    key: path.join(tlsDir, 'server-key.pem'),
  };
  if (existsSync(files.ca) && existsSync(files.cert) && existsSync(files.key)) return files;
  mkdirSync(tlsDir, { recursive: true });
  const pki = forge.pki;
  // Node makes RSA keys natively in milliseconds; forge's pure-JS generation takes seconds.
  const rsa = () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    return { privateKey: pki.privateKeyFromPem(privateKey), publicKey: pki.publicKeyFromPem(publicKey) };
  };
  const validity = (cert, years) => {
    cert.validity.notBefore = new Date(Date.now() - 60_000);
    cert.validity.notAfter = new Date(Date.now() + years * 365 * 24 * 3600 * 1000);
  };
  const caKeys = rsa();
  const ca = pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = '01';
  validity(ca, 5);
  const caName = [{ name: 'commonName', value: 'Disdukcapil development NATS CA' }];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const serverKeys = rsa();
  const server = pki.createCertificate();
  server.publicKey = serverKeys.publicKey;
  server.serialNumber = '02';
  validity(server, 2);
  server.setSubject([{ name: 'commonName', value: hosts[0] }]);
  server.setIssuer(caName);
  server.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: hosts.map((host) => (/^[\d.]+$/.test(host) ? { type: 7, ip: host } : { type: 2, value: host })),
    },
  ]);
  server.sign(caKeys.privateKey, forge.md.sha256.create());
  writeFileSync(files.ca, pki.certificateToPem(ca));
  writeFileSync(files.cert, pki.certificateToPem(server));
  writeFileSync(files.key, pki.privateKeyToPem(serverKeys.privateKey), { mode: 0o600 });
  return files;
}

/**
 * Writes the keys, peers.json and nats-server.conf into `dir`. `extraUsers` (tests only) adds
 * users with their own permissions: `{ name: { nkey, permissions } }`. `tlsFiles` paths as
 * the server will see them (docker-compose mounts the directory elsewhere).
 */
export function writeNatsSetup({
  dir,
  tls = false,
  tlsHosts = ['localhost', '127.0.0.1', 'nats'],
  extraUsers = {},
  serverDir,
}) {
  mkdirSync(dir, { recursive: true });
  const { seeds, peers, seedFiles } = ensureNkeys(dir);
  const permissions = natsPermissions();
  const users = [
    ...NATS_APPS.map((app) => ({ app, nkey: peers[app], permissions: permissions[app] })),
    ...Object.entries(extraUsers).map(([app, user]) => ({ app, ...user })),
  ];
  const seen = serverDir ?? dir;
  let text = '# Generated by scripts/nats-config.mjs: edit the permission table there, not this file.\n';
  let tlsFiles;
  if (tls) {
    tlsFiles = ensureDevTls(dir, tlsHosts);
    text +=
      `tls {\n  cert_file: ${quote(path.join(seen, 'tls/server.pem'))}\n` +
      `  key_file: ${quote(path.join(seen, 'tls/server-key.pem'))}\n  timeout: 2\n}\n`;
  }
  text += 'authorization {\n  users = [\n';
  for (const user of users) {
    text += `  # ${user.app}\n  {\n    nkey: ${user.nkey}\n${permissionsBlock(user.permissions)}  }\n`;
  }
  text += '  ]\n}\n';
  const configFile = path.join(dir, 'nats-server.conf');
  writeFileSync(configFile, text);
  const peersFile = path.join(dir, 'peers.json');
  writeFileSync(peersFile, `${JSON.stringify(peers, null, 2)}\n`);
  return { configFile, peersFile, peers, seeds, seedFiles, caFile: tlsFiles?.ca };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: node scripts/nats-config.mjs <dir> [--tls] [--server-dir <path seen by nats-server>]');
    process.exit(2);
  }
  const at = args.indexOf('--server-dir');
  const setup = writeNatsSetup({ dir, tls: args.includes('--tls'), serverDir: at >= 0 ? args[at + 1] : undefined });
  console.log(`NATS configuration written to ${setup.configFile} (keys in ${path.join(dir, 'nkeys')})`);
}
