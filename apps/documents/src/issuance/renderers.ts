import { renderAktaKelahiran } from '../document-kinds/akta-kelahiran/akta-kelahiran.renderer.js';
import { renderAktaKematian } from '../document-kinds/akta-kematian/akta-kematian.renderer.js';
import { renderKartuKeluarga } from '../document-kinds/kartu-keluarga/kartu-keluarga.renderer.js';

/**
 * Every renderer by name, so that a render worker (render.worker.ts) can be told which one to run:
 * a function cannot cross to another thread, its name can. A renderer not listed here is run
 * in the service's own thread.
 */
export const RENDERERS = {
  'kartu-keluarga': renderKartuKeluarga,
  'akta-kelahiran': renderAktaKelahiran,
  'akta-kematian': renderAktaKematian,
} as const;

export type RendererName = keyof typeof RENDERERS;

export function rendererName(render: unknown): RendererName | undefined {
  return (Object.keys(RENDERERS) as RendererName[]).find((name) => RENDERERS[name] === render);
}
