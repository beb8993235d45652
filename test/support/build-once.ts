import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The newest modification time under `dir`, leaving out the directories named in `skip`. */
export function newestUnder(dir: string, skip: readonly string[] = ['node_modules', 'dist']): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(full, skip) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Runs `build` unless `fresh()` says its output is up to date. Spec files run in parallel: one
 * builds while the others wait on a lock directory (taken over after `timeoutMs`, in case its
 * holder died) and then find the output fresh.
 */
export function buildOnce(options: {
  fresh: () => boolean;
  lockName: string;
  timeoutMs: number;
  build: () => void;
}): void {
  const { fresh, build } = options;
  if (fresh()) return;
  const lock = path.join(tmpdir(), options.lockName);
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      spawnSync('sleep', ['0.5']);
      if (fresh()) return;
    }
  }
  try {
    if (!fresh()) build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
