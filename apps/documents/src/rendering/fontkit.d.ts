// The slice of fontkit (pdfkit's own font engine, v2) that the documents use. Replace with
// @types/fontkit once that is a dev dependency.
declare module 'fontkit' {
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    readonly glyphs: readonly unknown[];
    readonly positions: GlyphPosition[];
    readonly advanceWidth: number;
  }
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    layout(text: string, features?: unknown, ...rest: unknown[]): GlyphRun;
  }
  export function create(data: Uint8Array, postscriptName?: string): Font;
}
