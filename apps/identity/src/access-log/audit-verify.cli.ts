import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { connect, nkeyAuthenticator } from '@nats-io/transport-node';
import { parseArgs } from '../seed/cli-args.js';
import { DEFAULT_IDENTITY_DATABASE_URL } from '../seed/seed-population.js';
import { anchorPublicKey, DEV_ANCHOR_PUBLIC_KEY, describeAnchorFinding } from './access-log-anchor.js';
import { readAnchors } from './access-log-anchor.reader.js';
import { auditAccessLog, auditAgainstAnchors, describeFinding } from './access-log-audit.runner.js';

/**
 * `npm run audit:verify [-- --database-url URL] [--nats-url URL]`: checks the access log's hash
 * chain and lists every altered, inserted or deleted entry, then checks the chain against the
 * signed anchors of its head in the AUDIT_ANCHORS stream (a rewritten or truncated chain). NATS
 * as identity: NATS_URL, NATS_NKEY_SEED_FILE, NATS_TLS_CA_FILE; the anchors' key:
 * AUDIT_ANCHOR_PUBLIC_KEY[_FILE] (the development key by default outside production). Exit
 * code 0 when intact, 2 when not (1 when the check itself failed), so a scheduler can alert.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const databaseUrl = args.get('database-url') ?? process.env['DATABASE_URL'] ?? DEFAULT_IDENTITY_DATABASE_URL;
  const started = performance.now();
  const report = await auditAccessLog(databaseUrl);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Log akses: ${report.rows} entri diperiksa dalam ${seconds} s; kepala rantai urutan ${report.head.seq}\n`,
  );
  const lines = report.findings.map(describeFinding);

  const natsUrl = args.get('nats-url') ?? process.env['NATS_URL'];
  if (natsUrl !== undefined && args.get('anchors') !== 'off') {
    const seedFile = process.env['NATS_NKEY_SEED_FILE'];
    const caFile = process.env['NATS_TLS_CA_FILE'];
    const nc = await connect({
      servers: natsUrl.split(','),
      ...(seedFile === undefined
        ? {}
        : {
            authenticator: nkeyAuthenticator(new TextEncoder().encode(readFileSync(seedFile, 'utf8').trim())),
            inboxPrefix: '_INBOX_identity',
          }),
      ...(caFile === undefined ? {} : { tls: { caFile } }),
    });
    try {
      const keyPem =
        process.env['AUDIT_ANCHOR_PUBLIC_KEY'] ??
        (process.env['AUDIT_ANCHOR_PUBLIC_KEY_FILE'] === undefined
          ? undefined
          : readFileSync(process.env['AUDIT_ANCHOR_PUBLIC_KEY_FILE'], 'utf8'));
      if (keyPem === undefined && process.env['NODE_ENV'] === 'production') {
        throw new Error('AUDIT_ANCHOR_PUBLIC_KEY(_FILE) is required in production');
      }
      const anchors = await readAnchors(nc);
      const checked = await auditAgainstAnchors(databaseUrl, anchors, anchorPublicKey(keyPem ?? DEV_ANCHOR_PUBLIC_KEY));
      process.stdout.write(`Jangkar: ${checked.checked} jangkar bertanda tangan sah diperiksa\n`);
      if (checked.checked === 0) lines.push('JANGKAR    tidak ada jangkar bertanda tangan sah untuk dibandingkan');
      lines.push(...checked.findings.map(describeAnchorFinding));
    } finally {
      await nc.close();
    }
  } else {
    process.stdout.write('Jangkar: tidak diperiksa (tanpa NATS_URL / --nats-url)\n');
  }

  if (lines.length === 0) {
    process.stdout.write('UTUH: rantai hash log akses tidak berubah dan cocok dengan jangkarnya\n');
    return;
  }
  for (const line of lines) process.stdout.write(`${line}\n`);
  process.stdout.write(`TIDAK UTUH: ${lines.length} temuan\n`);
  process.exitCode = 2;
}

main().catch((error: unknown) => {
  process.stderr.write(`audit:verify gagal: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
