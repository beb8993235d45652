import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { create as parseFont, type Font, type GlyphPosition, type GlyphRun } from 'fontkit';

/**
 * The typefaces printed on documents. DejaVu covers every Latin letter a name may carry (É, Ñ,
 * Ŝ, ...) and pdfkit embeds it as a subset with a ToUnicode map, so the text stays extractable.
 * The standard PDF fonts (Helvetica, Times) would drop such letters.
 */
export const DocumentFont = {
  SANS_CONDENSED: 'DejaVuSansCondensed',
  SANS_CONDENSED_BOLD: 'DejaVuSansCondensed-Bold',
  SERIF: 'DejaVuSerif',
  SERIF_BOLD: 'DejaVuSerif-Bold',
} as const;
export type DocumentFont = (typeof DocumentFont)[keyof typeof DocumentFont];

// The sources live in apps/documents/assets/fonts. From the sources this module sits two folders
// below apps/documents; compiled, it sits in dist/apps/documents/src/rendering, five below the
// repository, where the assets are not copied.
const CANDIDATE_DIRECTORIES = [
  new URL('../../assets/fonts/', import.meta.url),
  new URL('../../../../../apps/documents/assets/fonts/', import.meta.url),
];

/** The folder holding the font files; `DOCUMENT_FONTS_DIR` overrides it (e.g. in a container). */
export function fontDirectory(): string {
  const override = process.env.DOCUMENT_FONTS_DIR;
  if (override !== undefined && override !== '') return override;
  for (const candidate of CANDIDATE_DIRECTORIES) {
    const directory = fileURLToPath(candidate);
    if (existsSync(`${directory}${DocumentFont.SANS_CONDENSED}.ttf`)) return directory;
  }
  throw new Error(
    `Document fonts not found (looked in ${CANDIDATE_DIRECTORIES.map((url) => fileURLToPath(url)).join(', ')}); set DOCUMENT_FONTS_DIR`,
  );
}

/** Distinct strings shaped per font before the cache starts over; far above one day's vocabulary. */
const LAYOUT_CACHE_LIMIT = 50_000;

/** A shaped run handed to pdfkit: shared glyphs, positions of its own (pdfkit scales them in place). */
class CopiedRun implements GlyphRun {
  constructor(
    readonly glyphs: readonly unknown[],
    readonly positions: GlyphPosition[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

/**
 * The font with its shaping (`layout`) remembered across documents. pdfkit shapes every word it
 * measures or draws and caches that only per document, so labels, headers, enum labels and the
 * footnote were shaped again for each document: half the render time. Only featureless calls,
 * the only kind pdfkit makes for plain text, are cached.
 */
function withSharedLayoutCache(font: Font): Font {
  const cache = new Map<string, GlyphRun>();
  const layout = (text: string, features?: unknown, ...rest: unknown[]): GlyphRun => {
    if (features !== undefined || rest.length > 0) return font.layout(text, features, ...rest);
    let run = cache.get(text);
    if (run === undefined) {
      if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
      run = font.layout(text);
      cache.set(text, run);
    }
    return new CopiedRun(
      run.glyphs,
      run.positions.map((position) => ({ ...position })),
    );
  };
  return new Proxy(font, {
    get(target, property) {
      if (property === 'layout') return layout;
      // fontkit's getters and methods work on their own object, never on the proxy.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** fontkit's glyph object as far as this module touches it. */
interface DecodableGlyph {
  _decode(): unknown;
}

/**
 * The font with each glyph's outline decoded once per process. pdfkit embeds a new subset of
 * the font in every document, and fontkit's subsetter decodes every glyph it copies (contours
 * and all, only to see whether it is a composite): ~1 ms of a Kartu Keluarga, the same work
 * for the same few hundred glyphs in every document. The decoded glyph is only read (the
 * subset copies the glyph's bytes from the font file), so one copy serves every document. Only
 * the document fonts' glyph objects are changed, nothing of fontkit itself.
 */
function withGlyphsDecodedOnce(font: Font): Font {
  // Not in the typings (fontkit.d.ts lists what pdfkit's callers use).
  const withGlyphs = font as unknown as { getGlyph(id: number, characters?: string[]): unknown };
  const getGlyph = withGlyphs.getGlyph.bind(withGlyphs);
  const kept = new WeakSet<object>();
  Object.assign(font, {
    getGlyph(id: number, characters?: string[]): unknown {
      const glyph = getGlyph(id, characters) as DecodableGlyph | null;
      if (glyph !== null && !kept.has(glyph)) {
        kept.add(glyph);
        const decode = glyph._decode.bind(glyph);
        let decoded: { value: unknown } | undefined;
        // As fontkit's WOFF2 glyphs do: decoded in advance, the same object every time.
        glyph._decode = () => (decoded ??= { value: decode() }).value;
      }
      return glyph;
    },
  });
  return font;
}

let loaded: ReadonlyMap<DocumentFont, Font> | undefined;

/**
 * The parsed fonts, once per process. pdfkit would otherwise parse each font file again for every
 * document (fontkit decoding its tables took ~70 ms of ~80 ms); pdfkit only reads a parsed font
 * and makes its own subset per document, so one font object serves every document.
 */
export function documentFonts(): ReadonlyMap<DocumentFont, Font> {
  if (loaded === undefined) {
    const directory = fontDirectory();
    loaded = new Map(
      Object.values(DocumentFont).map(
        (name) =>
          [
            name,
            withSharedLayoutCache(withGlyphsDecodedOnce(parseFont(readFileSync(`${directory}${name}.ttf`)))),
          ] as const,
      ),
    );
  }
  return loaded;
}
