// Finding and starting the infrastructure (PostgreSQL, NATS) for `npm start`, `npm test` and CI.
// Plain ESM JavaScript so it runs before anything is built.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Resolves true when something accepts TCP connections at host:port within timeoutMs. */
export function canConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function hostPortOf(url, defaultPort) {
  const parsed = new URL(url.split(',')[0]);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || defaultPort) };
}

export async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The first of `names` found on PATH or in the usual system folders. */
export function findBinary(names, extraDirs = []) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', ...extraDirs];
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

export function findPostgresBinaries() {
  const versioned = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  const initdb = findBinary(['initdb'], versioned);
  const pgCtl = findBinary(['pg_ctl'], versioned);
  return initdb && pgCtl ? { initdb, pgCtl } : undefined;
}

/**
 * Starts a NATS server with JetStream on host:port, storing under dataDir; returns the child.
 * `configFile`: the generated configuration (scripts/nats-config.mjs: nkey users, their
 * permissions, TLS) — every server the project starts for its apps has one. `logFile`: the
 * server's own log goes there (tests read it for permission violations).
 */
export async function startNats({
  port,
  dataDir,
  configFile,
  logFile,
  binary = findBinary(['nats-server']),
  quiet = true,
}) {
  if (!binary) throw new Error('nats-server is not installed');
  mkdirSync(dataDir, { recursive: true });
  const config = configFile ? ['-c', configFile] : [];
  const log = logFile ? ['-l', logFile] : [];
  const child = spawn(binary, [...config, ...log, '-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dataDir], {
    stdio: quiet ? 'ignore' : 'inherit',
  });
  await waitFor(() => canConnect('127.0.0.1', port, 200), 10_000, `NATS on port ${port}`);
  return child;
}

/**
 * Starts a private PostgreSQL cluster under dataDir (initdb on first use, trust auth on
 * 127.0.0.1 only). PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
export async function startPrivatePostgres({ port, dataDir }) {
  const bins = findPostgresBinaries();
  if (!bins) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) are not installed');
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, args) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    const result = spawnSync(full[0], full[1], { stdio: 'pipe', encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
  };
  mkdirSync(dataDir, { recursive: true });
  if (asRoot) spawnSync('chown', ['-R', 'postgres', dataDir]);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    run(bins.initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  }
  run(bins.pgCtl, [
    '-D',
    dataDir,
    '-l',
    path.join(dataDir, 'server.log'),
    '-o',
    `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1`,
    '-w',
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: (mode = 'fast') => run(bins.pgCtl, ['-D', dataDir, '-m', mode, 'stop']),
  };
}

export const INSTALL_HINT =
  'Install them (Debian/Ubuntu: `sudo apt-get install -y nats-server postgresql`) or run them with ' +
  'Docker (`docker compose up -d nats postgres`), or point NATS_URL / DATABASE_URL at running servers.';
