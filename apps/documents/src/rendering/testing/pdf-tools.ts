import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Reads PDFs the way a person or a verifier does, with the command-line tools of poppler-utils
 * (pdftotext, pdfinfo, pdfsig, pdftoppm) and zbar-tools (zbarimg). CI installs both (.ci/run).
 */

const run = promisify(execFile);

const INSTALL_HINT = 'install them with: apt-get install -y poppler-utils zbar-tools';

async function tool(command: string, args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(command, args, { maxBuffer: 16 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string; code?: number | string };
    if (failure.code === 'ENOENT') throw new Error(`${command} is not installed; ${INSTALL_HINT}`);
    return { stdout: failure.stdout ?? '', stderr: failure.stderr ?? '', code: Number(failure.code ?? 1) };
  }
}

/** A private temporary folder holding `pdf`, removed by `dispose`. */
export class PdfFile {
  private constructor(
    private readonly directory: string,
    readonly path: string,
  ) {}

  static async write(pdf: Buffer): Promise<PdfFile> {
    const directory = await mkdtemp(join(tmpdir(), 'documents-spec-'));
    const path = join(directory, 'document.pdf');
    await writeFile(path, pdf);
    return new PdfFile(directory, path);
  }

  /**
   * `pdftotext -layout` (the page as it looks), of one page or all; `raw` keeps the drawing
   * order instead, so a table header wrapped over two lines reads as one phrase.
   */
  async text(page?: number, mode: 'layout' | 'raw' = 'layout'): Promise<string> {
    const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
    const { stdout, stderr, code } = await tool('pdftotext', [`-${mode}`, '-enc', 'UTF-8', ...range, this.path, '-']);
    if (code !== 0) throw new Error(`pdftotext failed: ${stderr}`);
    return stdout;
  }

  /** `pdfinfo` as key/value pairs (`Pages`, `Page size`, `Title`, ...). */
  async info(): Promise<Record<string, string>> {
    const { stdout, stderr, code } = await tool('pdfinfo', [this.path]);
    if (code !== 0) throw new Error(`pdfinfo failed: ${stderr}`);
    return Object.fromEntries(
      stdout
        .split('\n')
        .filter((line) => line.includes(':'))
        .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
    );
  }

  /** `pdfsig` output (it exits non-zero when a signature does not verify). */
  async signatures(): Promise<string> {
    const { stdout, stderr } = await tool('pdfsig', [this.path]);
    return `${stdout}\n${stderr}`;
  }

  /** Renders a page at 150 dpi and returns every QR code zbarimg finds on it. */
  async qrCodes(page = 1): Promise<string[]> {
    const prefix = join(this.directory, `page-${page}`);
    const rendered = await tool('pdftoppm', [
      '-r',
      '150',
      '-png',
      '-f',
      String(page),
      '-l',
      String(page),
      this.path,
      prefix,
    ]);
    if (rendered.code !== 0) throw new Error(`pdftoppm failed: ${rendered.stderr}`);
    const image = (await readdir(this.directory)).find(
      (name) => name.startsWith(`page-${page}`) && name.endsWith('.png'),
    );
    if (image === undefined) throw new Error('pdftoppm produced no image');
    // zbarimg exits 4 when it finds no code: that is an empty result, not a failure.
    const { stdout, stderr, code } = await tool('zbarimg', ['-q', '--raw', join(this.directory, image)]);
    if (code !== 0 && code !== 4) throw new Error(`zbarimg failed: ${stderr}`);
    return stdout.split('\n').filter((line) => line !== '');
  }

  async dispose(): Promise<void> {
    await rm(this.directory, { recursive: true, force: true });
  }
}

/** Text with every run of white space made one space: a sentence split over lines reads whole. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
