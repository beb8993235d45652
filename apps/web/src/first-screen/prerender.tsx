// Rendered at build time only (vite.config.mjs, `firstScreens`), never shipped: the landing and
// login screens as static markup for index.html, from the same components the app draws.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LoginPage } from '../pages/login';
import { LandingPage } from '../pages/public/landing';
import { Layout } from '../ui/layout';

/** The screens index.html carries, by the name `first-screen.inline.js` picks them by. */
export const FIRST_SCREENS: Record<string, { path: string; title: string; body: () => ReactNode }> = {
  beranda: { path: '/', title: 'Layanan Dokumen Kependudukan', body: () => <LandingPage /> },
  masuk: { path: '/masuk', title: 'Masuk', body: () => <LoginPage /> },
};

export function renderFirstScreen(name: string): string {
  const screen = FIRST_SCREENS[name];
  if (!screen) throw new Error(`no first screen named ${name}`);
  return renderToStaticMarkup(
    <Layout path={screen.path} title={screen.title}>
      {screen.body()}
    </Layout>,
    // Ids apart from the app's own (the app replaces this markup; no id may be shared meanwhile).
    { identifierPrefix: `${name}-` },
  );
}
