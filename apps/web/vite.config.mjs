// The web pages (resident portal, staff console, admin, public check): React, built by Vite into
// dist/web, which the gateway serves at `/`. Nothing is fetched from outside at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createServer, defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const areaData = path.join(path.dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
const REGION_CODES = path.join(here, 'src/domain/region-codes.ts');

/**
 * libs/domain's NIK and No. KK rules run in the browser unchanged, over a region directory the
 * page installs at start-up (src/main.tsx). Its data module, src/domain/region-codes.ts, is
 * generated here from the installed idn-area-data release, so no code is ever hand-typed.
 */
function regionCodes() {
  return {
    name: 'disduk-region-codes',
    enforce: 'pre',
    load(id) {
      if (id !== REGION_CODES) return null;
      // Provinces and regencies with names (small); districts as codes only (the NIK check
      // needs to know them; the pickers ask the gateway for names one regency at a time).
      const read = (name) => readFileSync(path.join(areaData, `${name}.csv`), 'utf8');
      // Districts as `16.02:01 02 03|16.03:...`: about a fifth of the CSV's size.
      const byRegency = new Map();
      for (const line of read('districts').split('\n').slice(1)) {
        if (line === '') continue;
        const [code, regency] = line.split(',');
        const list = byRegency.get(regency) ?? [];
        list.push(code.slice(regency.length + 1));
        byRegency.set(regency, list);
      }
      const districts = [...byRegency].map(([regency, codes]) => `${regency}:${codes.join(' ')}`).join('|');
      return [
        `export const provinces = ${JSON.stringify(read('provinces'))};`,
        `export const regencies = ${JSON.stringify(read('regencies'))};`,
        `export const districtCodes = ${JSON.stringify(districts)};`,
      ].join('\n');
    },
  };
}

/** theme.css: the colour and type tokens, at a fixed name, for the server-rendered QR page. */
function themeFile() {
  return {
    name: 'disduk-theme-file',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'theme.css',
        source: readFileSync(path.join(here, 'src/styles/tokens.css'), 'utf8'),
      });
    },
  };
}

/**
 * The first screen in the HTML itself (docs/benchmarks.md, "Web pages on a slow phone"): on a slow
 * connection every request costs seconds, so index.html carries everything the landing and login
 * screens need to be read and typed into before the app's script arrives. The app's style sheet
 * goes inline (about 4 kB compressed; a `<link>` would hold the first paint for a round trip);
 * the two screens are rendered from the app's own components (src/first-screen/prerender.tsx)
 * into `<template>`s, and src/first-screen/first-screen.inline.js, inlined after them, shows the
 * one for the address. The gateway allows exactly these inline blocks by their hashes
 * (apps/gateway/src/web/web-app.ts). The script stays a module: it runs after the HTML is read.
 */
function firstScreens() {
  return {
    name: 'disduk-first-screens',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html, { bundle }) {
        const server = await createServer({
          configFile: false,
          root: here,
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false },
          plugins: [regionCodes()],
          oxc: { jsx: { runtime: 'automatic' } },
        });
        let screens;
        try {
          const prerender = await server.ssrLoadModule('/src/first-screen/prerender.tsx');
          screens = Object.keys(prerender.FIRST_SCREENS).map(
            (name) => `<template id="first-screen-${name}">${prerender.renderFirstScreen(name)}</template>`,
          );
        } finally {
          await server.close();
        }
        const inline = readFileSync(path.join(here, 'src/first-screen/first-screen.inline.js'), 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\/\/|\/\*)/.test(line))
          .join('\n')
          .trim();
        const styleLink = /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g;
        let out = html.replace(styleLink, (tag, fileName) => {
          const asset = bundle?.[fileName];
          if (!asset || asset.type !== 'asset') return tag;
          delete bundle[fileName];
          return `<style>${String(asset.source).trim()}</style>`;
        });
        const boot = '<div id="root"><p class="boot">Memuat…</p></div>';
        if (!out.includes(boot)) throw new Error('index.html: the #root boot markup changed; update firstScreens()');
        out = out.replace(boot, `${boot}\n    ${screens.join('\n    ')}\n    <script>${inline}</script>`);
        return out;
      },
    },
  };
}

/**
 * A gzip copy beside each script and style sheet: the gateway sends it to browsers that accept
 * gzip, without compressing on every request (slow phone connections).
 */
function precompress() {
  return {
    name: 'disduk-precompress',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|svg|html)$/.test(fileName)) continue;
        const file = path.join(options.dir, fileName);
        writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  publicDir: path.join(here, 'public'),
  plugins: [regionCodes(), themeFile(), firstScreens(), precompress()],
  oxc: { jsx: { runtime: 'automatic' } },
  server: { fs: { allow: [repo] }, proxy: { '/api': 'http://127.0.0.1:3000', '/verifikasi': 'http://127.0.0.1:3000' } },
  build: {
    outDir: path.join(repo, 'dist/web'),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
