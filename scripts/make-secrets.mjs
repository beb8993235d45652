#!/usr/bin/env node
// Keys for docker-compose (README "Running with Docker", docs/security.md), written under
// `secrets/` (git-ignored), each kept when it exists so that a re-run changes nothing:
//   secrets/nats/…                 NATS: an nkey per app, peers.json, nats-server.conf with TLS and
//                                  a self-signed development CA (scripts/nats-config.mjs)
//   secrets/jwt/signing-key.pem    identity's token signing key (ES256), kid in secrets/jwt/kid
//   secrets/jwt/public-keys.json   the verification keys (JWKS) every app reads
//   secrets/audit/anchor-key.pem   identity's key (Ed25519) that signs the access log's chain-head
//                                  anchors; anchor-public.pem is what `npm run audit:verify` checks with
//   secrets/mfa-encryption.key     identity's AES-256 key for TOTP secrets at rest (base64)
//
//   node scripts/make-secrets.mjs                  create what is missing
//   node scripts/make-secrets.mjs --rotate-jwt     a new signing key; the old public key stays in
//                                                  public-keys.json until its tokens have expired
// Passwords are not made here: they go in the env file (.env), see .env.example.
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeNatsSetup } from './nats-config.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = path.join(root, 'secrets');
const rotate = process.argv.includes('--rotate-jwt');

const nats = writeNatsSetup({ dir: path.join(dir, 'nats'), tls: true, serverDir: '/etc/nats' });
console.log(`NATS: ${path.relative(root, nats.configFile)}, keys in secrets/nats/nkeys, CA secrets/nats/tls/ca.pem`);

const jwtDir = path.join(dir, 'jwt');
mkdirSync(jwtDir, { recursive: true, mode: 0o700 });
const keyFile = path.join(jwtDir, 'signing-key.pem');
const kidFile = path.join(jwtDir, 'kid');
const jwksFile = path.join(jwtDir, 'public-keys.json');
const jwks = existsSync(jwksFile) ? JSON.parse(readFileSync(jwksFile, 'utf8')) : { keys: [] };
if (!existsSync(keyFile) || rotate) {
  if (existsSync(keyFile)) renameSync(keyFile, `${keyFile}.retired-${readFileSync(kidFile, 'utf8').trim()}`);
  const kid = `k-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}`;
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(kidFile, `${kid}\n`);
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  jwks.keys.push({ ...publicJwk, kid, alg: 'ES256', use: 'sig' });
  writeFileSync(jwksFile, `${JSON.stringify(jwks, null, 2)}\n`);
  console.log(`JWT: a new signing key, kid ${kid}: set JWT_KEY_ID=${kid} in .env`);
  if (rotate) {
    console.log('     restart every app (they read public-keys.json), then identity signs with the new key;');
    console.log(
      '     remove the old key from public-keys.json once its tokens have expired (ACCESS_TOKEN_TTL_SECONDS).',
    );
  }
} else {
  console.log(`JWT: signing key kept (kid ${readFileSync(kidFile, 'utf8').trim()})`);
}

// The access log's anchor key (docs/security.md "Audit anchoring"): never the token key.
const auditDir = path.join(dir, 'audit');
mkdirSync(auditDir, { recursive: true, mode: 0o700 });
const anchorKeyFile = path.join(auditDir, 'anchor-key.pem');
if (!existsSync(anchorKeyFile)) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(anchorKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(path.join(auditDir, 'anchor-public.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  console.log('Audit: a new anchor signing key in secrets/audit/anchor-key.pem (public: anchor-public.pem)');
} else {
  console.log('Audit: anchor signing key kept');
}
// TOTP secrets at rest (MFA_ENCRYPTION_KEY_FILE): made once, never rotated here (a new key would
// make every enrolled second factor unreadable).
const mfaKeyFile = path.join(dir, 'mfa-encryption.key');
if (!existsSync(mfaKeyFile)) {
  writeFileSync(mfaKeyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  console.log('MFA: a new key for TOTP secrets at rest (secrets/mfa-encryption.key)');
} else {
  console.log('MFA: key for TOTP secrets kept');
}
