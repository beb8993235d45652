#!/usr/bin/env node
// Part of `npm run check`. Fails when
// - a package we keep out of production (crypto-js and the pdfkit 0.10 tool chain that
//   @signpdf/placeholder-plain would drag in: see the `overrides` in package.json) enters the
//   production dependency tree, at any depth; or
// - a declared production dependency is imported nowhere (apps, libs, scripts): a dependency
//   nobody loads still ships, and still gets flagged by the scanners a buyer runs.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** name → why it must stay out; `versions` limits the ban to those (a predicate on the version). */
const UNWANTED = {
  'crypto-js': { why: 'discontinued, GHSA-xwcq-pm8m-c4vf' },
  brfs: { why: 'a browserify transform of pdfkit 0.10, code generation at run time' },
  'static-eval': { why: 'brfs tool chain' },
  pdfkit: { why: 'pdfkit before 0.20 (with fontkit 1 and crypto-js)', versions: (v) => !/^0\.(2\d|[3-9]\d)\./.test(v) },
};

const tree = JSON.parse(
  execFileSync('npm', ['ls', '--omit=dev', '--all', '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 }),
);

const problems = [];
const walk = (node, path) => {
  for (const [name, child] of Object.entries(node.dependencies ?? {})) {
    const rule = UNWANTED[name];
    const at = [...path, `${name}@${child.version}`];
    if (rule && (rule.versions === undefined || rule.versions(child.version ?? ''))) {
      problems.push(`${at.join(' > ')}: ${rule.why}`);
    }
    walk(child, at);
  }
};
walk(tree, []);

const sources = [];
const collect = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path);
    else if (/\.(ts|tsx|mjs|cjs|js)$/.test(entry.name)) sources.push(readFileSync(path, 'utf8'));
  }
};
for (const dir of ['apps', 'libs', 'scripts']) collect(dir);
const text = sources.join('\n');

const { dependencies = {} } = JSON.parse(readFileSync('package.json', 'utf8'));
for (const name of Object.keys(dependencies)) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const imported = new RegExp(`(from |import\\(|require\\(|import |resolve\\()'${escaped}(/[^']*)?'`).test(text);
  if (!imported) problems.push(`${name}: declared in dependencies but imported nowhere`);
}

if (problems.length > 0) {
  console.error(`check-dependencies: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('check-dependencies: production tree clean, every dependency used');
