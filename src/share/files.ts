/**
 * Design files: export as the readable JSON of DESIGN.md, import through restore(), and a
 * file name a person recognises (the design's name) that every operating system accepts.
 */
import { LIMITS, restore, type RestoreResult } from '../model/restore';
import type { Design } from '../model/types';
import { designDocument } from './document';

/** Pretty, stable JSON with every param spelled out, so a file reads and diffs well. */
export function designToJson(design: Design): string {
  return `${JSON.stringify(designDocument(design), null, 2)}\n`;
}

/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_BASE_LENGTH = 80;

/** `Read-heavy API.json` for "Read-heavy API"; `archsim-design.json` when nothing of the name is usable. */
export function fileNameFor(design: Pick<Design, 'name'>, ext: string): string {
  let base = (design.name ?? '')
    .replace(LONE_SURROGATES, '')
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  base = Array.from(base).slice(0, MAX_BASE_LENGTH).join('');
  // Windows drops trailing dots and spaces; a leading dot hides the file on macOS and Linux.
  base = base.replace(/^[.\s]+|[.\s]+$/g, '');
  if (WINDOWS_RESERVED.test(base)) base = `${base} design`;
  if (!base) base = 'archsim-design';
  const extension = ext.replace(/^\.+/, '').replace(/[^A-Za-z0-9]/g, '');
  return extension ? `${base}.${extension}` : base;
}

/**
 * A design from a file the user picked or dropped, or from its text. Never throws; a file that
 * is too large, not JSON, or not a design comes back as problems saying so.
 */
export async function readDesignFile(input: string | Blob): Promise<RestoreResult> {
  try {
    let text: string;
    if (typeof input === 'string') {
      text = input;
    } else {
      // Checked before reading, so a huge file dropped by mistake is never loaded into memory.
      if (input.size > LIMITS.maxChars) {
        return fail(`This file is too large to be a design (${formatSize(input.size)}; the limit is 1 MB).`);
      }
      text = await input.text();
    }
    if (text.trim() === '') return fail('This file is empty: there is no design in it.');
    return restore(text);
  } catch (error) {
    return fail(`Could not read the file: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function formatSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1000)} kB`;
}

function fail(message: string): RestoreResult {
  return { ok: false, problems: [{ message }] };
}
