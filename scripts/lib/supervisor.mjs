// Keeps a set of app processes running for `npm start` (and the chaos drill): an app that exits
// on its own is started again after a short, growing pause and the log says so; only an app
// that keeps crashing (too many exits within a short window) makes the supervisor give up, so
// a broken build or a missing database is reported instead of restarted forever.
import { spawn } from 'node:child_process';

export const SUPERVISOR_DEFAULTS = {
  /** Pause before the first restart; doubles with each crash in the window. */
  initialBackoffMs: 250,
  maxBackoffMs: 5000,
  /** This many crashes within `windowMs` and the app is given up. */
  maxCrashes: 5,
  windowMs: 60_000,
};

/**
 * @param {object} options
 * @param {(app: string, text: string) => void} [options.log]
 * @param {(app: string, reason: string) => void} [options.onGiveUp] called once an app crashed too often
 * @param {Partial<typeof SUPERVISOR_DEFAULTS>} [options.policy]
 */
export function createSupervisor({ log = () => {}, onGiveUp = () => {}, policy = {} } = {}) {
  const settings = { ...SUPERVISOR_DEFAULTS, ...policy };
  /** @type {Map<string, { spec: any, child?: import('node:child_process').ChildProcess, crashes: number[], timer?: NodeJS.Timeout, starts: number }>} */
  const apps = new Map();
  let stopping = false;

  function launch(name) {
    const entry = apps.get(name);
    if (!entry || stopping) return;
    const { command, args = [], env, onOutput } = entry.spec;
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    entry.child = child;
    entry.starts += 1;
    if (onOutput) onOutput(child);
    else {
      child.stdout.resume();
      child.stderr.resume();
    }
    child.once('exit', (code, signal) => {
      if (entry.child === child) entry.child = undefined;
      if (stopping || entry.stopped) return;
      const reason = signal ?? `exit code ${code}`;
      const now = Date.now();
      entry.crashes = entry.crashes.filter((at) => now - at < settings.windowMs);
      entry.crashes.push(now);
      if (entry.crashes.length >= settings.maxCrashes) {
        log(
          name,
          `stopped unexpectedly (${reason}), ${entry.crashes.length} times within ${settings.windowMs / 1000} s: giving up`,
        );
        entry.stopped = true;
        onGiveUp(name, reason);
        return;
      }
      const delay = Math.min(settings.maxBackoffMs, settings.initialBackoffMs * 2 ** (entry.crashes.length - 1));
      log(
        name,
        `stopped unexpectedly (${reason}); restarting in ${delay} ms (crash ${entry.crashes.length} of ${settings.maxCrashes} allowed within ${settings.windowMs / 1000} s)`,
      );
      entry.timer = setTimeout(() => {
        entry.timer = undefined;
        launch(name);
        if (entry.child) log(name, `restarted (pid ${entry.child.pid})`);
      }, delay);
    });
    return child;
  }

  return {
    /**
     * Starts an app and keeps it running.
     * @param {string} name
     * @param {{ command: string, args?: string[], env?: NodeJS.ProcessEnv, onOutput?: (child: import('node:child_process').ChildProcess) => void }} spec
     */
    start(name, spec) {
      apps.set(name, { spec, crashes: [], starts: 0, stopped: false });
      return launch(name);
    },
    /** The running process of an app (undefined while it waits to restart or after giving up). */
    child(name) {
      return apps.get(name)?.child;
    },
    /** How many times an app was started, the first start included. */
    starts(name) {
      return apps.get(name)?.starts ?? 0;
    },
    names() {
      return [...apps.keys()];
    },
    /** Stops one app for good (no restart); resolves once it exited. */
    async stopApp(name, { signal = 'SIGTERM', timeoutMs = 10_000 } = {}) {
      const entry = apps.get(name);
      if (!entry) return;
      entry.stopped = true;
      clearTimeout(entry.timer);
      await stopChild(entry.child, signal, timeoutMs);
    },
    /** Starts an app stopped with stopApp again. */
    resumeApp(name) {
      const entry = apps.get(name);
      if (!entry || entry.child) return;
      entry.stopped = false;
      entry.crashes = [];
      launch(name);
    },
    /** Stops every app: SIGTERM, then SIGKILL for any still running after timeoutMs. */
    async stopAll({ timeoutMs = 10_000 } = {}) {
      stopping = true;
      const waits = [];
      for (const entry of apps.values()) {
        clearTimeout(entry.timer);
        waits.push(stopChild(entry.child, 'SIGTERM', timeoutMs));
      }
      await Promise.all(waits);
    },
  };
}

function stopChild(child, signal, timeoutMs) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}
