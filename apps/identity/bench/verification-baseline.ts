import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import type { VerificationItem, VerificationResult } from '#lib/contracts';
import type { PersonStatus } from '#lib/domain';
import { compareFields } from '../src/verification/field-matching.js';
import { SUBJECTS_QUERY, toSubjectRecord, type SubjectRow } from '../src/verification/verification.repository.js';

/**
 * The baseline of `npm run bench:verify` (scenario c): a bare Fastify server that answers
 * `POST /verifications` with `pg` directly — the same registry query by primary key and the same
 * comparison as the identity service, one query per request, and nothing else: no token, no
 * validation, no quota, no access log, no message hop. Started by the bench as its own process.
 */
async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'];
  if (databaseUrl === undefined) throw new Error('DATABASE_URL is not set');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env['DATABASE_POOL_SIZE'] ?? 10) });
  const app = Fastify({ logger: false });

  app.post('/verifications', async (request): Promise<VerificationResult> => {
    const item = request.body as VerificationItem;
    const { rows } = await pool.query(SUBJECTS_QUERY, [item.nik]);
    const requestId = randomUUID();
    if (rows.length === 0) return { requestId, nik: item.nik, found: false, fields: {} };
    const subject = toSubjectRecord(rows[0] as SubjectRow);
    return {
      requestId,
      nik: item.nik,
      found: true,
      status: subject.status as PersonStatus,
      fields: compareFields(item, subject),
    };
  });

  await app.listen({ port: Number(process.env['PORT'] ?? 0), host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`baseline listening on ${typeof address === 'object' && address ? address.port : '?'}\n`);
  const stop = (): void => {
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`baseline failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
