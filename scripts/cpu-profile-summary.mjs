#!/usr/bin/env node
// Summarises V8 CPU profiles (`.cpuprofile`, as `node --cpu-prof` or `bench:verify`'s
// BENCH_CPU_PROF writes them): per file, the share of samples by self time, per function and per
// package (node_modules package, the project's own code by top folder, Node's internals, GC,
// idle). Usage: node scripts/cpu-profile-summary.mjs <dir-or-file>… [--top N] [--markdown]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const top = Number(args[args.indexOf('--top') + 1] || 0) || 15;
const markdown = args.includes('--markdown');
const inputs = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--top');
// A directory is read with its subdirectories: the benches write a directory per app, in which
// each thread of the app (its worker threads too) writes a profile of its own.
const profilesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) =>
      entry.isDirectory()
        ? profilesUnder(path.join(dir, entry.name))
        : entry.name.endsWith('.cpuprofile')
          ? [path.join(dir, entry.name)]
          : [],
    );
const files = inputs.flatMap((input) => (statSync(input).isDirectory() ? profilesUnder(input) : [input]));

function packageOf(url, functionName) {
  if (functionName === '(garbage collector)') return '(garbage collector)';
  if (functionName === '(idle)' || functionName === '(program)') return functionName;
  if (url === '') return '(native / V8)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = url.indexOf('/dist/');
  if (dist >= 0)
    return url
      .slice(dist + 6)
      .split('/')
      .slice(0, 3)
      .join('/');
  return url;
}

function summarise(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  // Self time per node: the time deltas of the samples taken in it.
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  let idle = 0;
  const functions = new Map();
  const packages = new Map();
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || '(anonymous)';
    total += micros;
    if (name === '(idle)') {
      idle += micros;
      continue;
    }
    const where = callFrame.url ? `${path.basename(callFrame.url)}:${callFrame.lineNumber + 1}` : '';
    const key = `${name} ${where}`.trim();
    const pkg = packageOf(callFrame.url, name);
    const entry = functions.get(key) ?? { micros: 0, pkg };
    entry.micros += micros;
    functions.set(key, entry);
    packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
  }
  const busy = total - idle;
  return { file, total, busy, functions, packages };
}

const pct = (part, whole) => `${((100 * part) / whole).toFixed(1)} %`;
const ms = (micros) => `${Math.round(micros / 1000).toLocaleString('en-US')} ms`;

for (const file of files) {
  const { total, busy, functions, packages } = summarise(file);
  const fnRows = [...functions].sort((a, b) => b[1].micros - a[1].micros).slice(0, top);
  const pkgRows = [...packages].sort((a, b) => b[1] - a[1]).slice(0, top);
  // With its app's directory when there is one (gateway/CPU.….0.001.cpuprofile: the main thread).
  const name = path.join(path.basename(path.dirname(file)), path.basename(file));
  if (markdown) {
    console.log(`**${name}**: ${ms(total)} profiled, busy ${ms(busy)} (${pct(busy, total)}).\n`);
    console.log('| self time by package | share of busy |\n|---|---:|');
    for (const [pkg, micros] of pkgRows) console.log(`| ${pkg} | ${pct(micros, busy)} |`);
    console.log('\n| top functions by self time | package | share of busy |\n|---|---|---:|');
    for (const [key, { micros, pkg }] of fnRows) console.log(`| \`${key}\` | ${pkg} | ${pct(micros, busy)} |`);
    console.log('');
  } else {
    console.log(`${name}: ${ms(total)} profiled, busy ${ms(busy)} (${pct(busy, total)})`);
    console.log('  by package:');
    for (const [pkg, micros] of pkgRows) console.log(`    ${pct(micros, busy).padStart(7)}  ${pkg}`);
    console.log('  top functions (self):');
    for (const [key, { micros, pkg }] of fnRows) console.log(`    ${pct(micros, busy).padStart(7)}  ${key}  [${pkg}]`);
  }
}
