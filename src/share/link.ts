/**
 * Share links: the whole design travels in the URL fragment, so no server sees it and the
 * seed, run settings and scheduled faults travel with it (the same link replays the same
 * numbers).
 *
 *   #d1.<base64url( crc32 of the JSON, 4 bytes big-endian ‖ raw DEFLATE of the compact JSON )>
 *
 * The JSON is the ordinary design document with defaults left out, so decoding is just
 * restore(): links get the same migrations, validation and limits as files. The checksum
 * turns a link that was cut short or altered in transit into a clear message instead of a
 * design that is silently different.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { LIMITS, restore, type RestoreResult } from '../model/restore';
import type { Design } from '../model/types';
import { crc32, fromBase64Url, toBase64Url } from './bytes';
import { designDocument } from './document';
import { LINK_DICTIONARY_D1 } from './linkDictionary';

export const LINK_CODEC_VERSION = 1;
const PREFIX = `d${LINK_CODEC_VERSION}.`;
const LINK_PATTERN = /^d(\d{1,6})\.(.*)$/s;

export const DAMAGED_LINK_MESSAGE =
  'This link is damaged or incomplete — it was probably cut off or changed when it was copied. ' +
  'Ask for the link again, or copy the whole address.';

/** Most characters of a fragment we try to decode; any design within the 1 MB limit compresses far below this. */
const MAX_FRAGMENT_CHARS = LIMITS.maxChars;
/** Input is fed to the inflater in small steps so a zip bomb is stopped after about one step's worth of output. */
const INFLATE_STEP = 1024;

/** The fragment (without '#') that carries the design. */
export function encodeDesign(design: Design): string {
  const json = JSON.stringify(designDocument(design, { compact: true }));
  const bytes = strToU8(json);
  const deflated = deflateSync(bytes, { level: 9, mem: 12, dictionary: LINK_DICTIONARY_D1 });
  const payload = new Uint8Array(4 + deflated.length);
  new DataView(payload.buffer).setUint32(0, crc32(bytes));
  payload.set(deflated, 4);
  return PREFIX + toBase64Url(payload);
}

/** `baseUrl` with its fragment replaced by the design. */
export function linkFor(design: Design, baseUrl: string): string {
  const hashAt = baseUrl.indexOf('#');
  const base = hashAt === -1 ? baseUrl : baseUrl.slice(0, hashAt);
  return `${base}#${encodeDesign(design)}`;
}

/** Whether a fragment looks like a design link at all (so ordinary anchors are left alone). */
export function isDesignHash(hash: string): boolean {
  return LINK_PATTERN.test(stripHash(hash));
}

/**
 * The design a fragment carries, through restore(); `null` when the fragment is not a design
 * link (empty, or an ordinary anchor). Never throws.
 */
export function designFromHash(hash: string): RestoreResult | null {
  try {
    return decode(hash);
  } catch {
    return damaged();
  }
}

function decode(hash: string): RestoreResult | null {
  const match = LINK_PATTERN.exec(stripHash(hash));
  if (!match) return null;
  const version = Number(match[1]);
  if (version !== LINK_CODEC_VERSION) {
    return version > LINK_CODEC_VERSION
      ? problem('This link was made by a newer version of Archsim and cannot be opened here. Reload the page to update.')
      : damaged();
  }
  const text = match[2].trim();
  if (text.length > MAX_FRAGMENT_CHARS) {
    return problem('This link is too large to open (the limit is 1 MB).');
  }
  const payload = fromBase64Url(text);
  if (!payload || payload.length < 5) return damaged();
  const expected = new DataView(payload.buffer, payload.byteOffset).getUint32(0);
  const inflated = inflateCapped(payload.subarray(4), LIMITS.maxChars);
  if (inflated === 'tooLarge') {
    return problem('This link holds a design larger than 1 MB, which is more than Archsim opens.');
  }
  if (inflated === 'damaged' || crc32(inflated) !== expected) return damaged();
  return restore(strFromU8(inflated));
}

function inflateCapped(data: Uint8Array, cap: number): Uint8Array | 'tooLarge' | 'damaged' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflater = new Inflate({ dictionary: LINK_DICTIONARY_D1 }, (chunk, final) => {
    total += chunk.length;
    if (total <= cap) chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let at = 0; at < data.length && total <= cap; at += INFLATE_STEP) {
      inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
    }
  } catch {
    return 'damaged';
  }
  if (total > cap) return 'tooLarge';
  if (!finished) return 'damaged';
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function stripHash(hash: string): string {
  const trimmed = hash.trim();
  return trimmed.startsWith('#') ? trimmed.slice(1) : trimmed;
}

function problem(message: string): RestoreResult {
  return { ok: false, problems: [{ message }] };
}

function damaged(): RestoreResult {
  return problem(DAMAGED_LINK_MESSAGE);
}
