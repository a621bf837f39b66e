/** The values a comparison starts with, and values typed as text, checked against the param's spec. */
import { checkParam, emptyWord, parseNumberText, type ParamSpec, type ParamValue } from '../model';

/** More rows than this make a table nobody reads, and a wait of several seconds. */
export const MAX_VALUES = 12;

const MULTIPLES = [0.5, 1, 2, 4];
/** From zero, multiples mean nothing: a few orders of magnitude instead. */
const FROM_ZERO = [0, 1, 10, 100];

/** Three significant figures, so halving 333 ms offers 167 ms, not 166.5. */
const round3 = (x: number) => Number(x.toPrecision(3));

/**
 * Every option of a choice; for a number, the current value with half, double and four times
 * it (or 0, 1, 10 and 100 from zero), each made valid for the spec or left out, in order.
 */
export function defaultValues(spec: ParamSpec, current: ParamValue): ParamValue[] {
  if (spec.type === 'enum') return [...spec.options];
  const base = typeof current === 'number' ? current : (spec.default ?? 0);
  const raw = base === 0 ? FROM_ZERO : MULTIPLES.map((m) => base * m);
  const values: ParamValue[] = [];
  // An unbounded setting (an empty queue capacity) is worth a row of its own.
  if (current === null) values.push(null);
  for (const x of raw) {
    const value = spec.integer ? Math.round(x) : round3(x);
    const checked = checkParam(spec, value);
    if ('value' in checked && !values.includes(checked.value)) values.push(checked.value);
  }
  if (!values.includes(current) && 'value' in checkParam(spec, current)) values.push(current);
  return values.sort(ascending).slice(0, MAX_VALUES);
}

/** Unbounded first, then smallest to largest. */
const ascending = (a: ParamValue, b: ParamValue) => (a === null ? -1 : b === null ? 1 : (a as number) - (b as number));

/** Comma-separated numbers (empty for unbounded, where the spec allows it): the values, or the first problem. */
export function parseValues(spec: ParamSpec, text: string): { values: ParamValue[] } | { error: string } {
  const parts = text.split(/[,;]/).map((part) => part.trim());
  if (parts.every((p) => p === '')) return { error: 'Give at least one value.' };
  const values: ParamValue[] = [];
  for (const part of parts) {
    if (part === '' && !(spec.type === 'number' && spec.nullable)) continue;
    const checked = checkParam(spec, part === 'unbounded' || part === emptyWord(spec) ? null : parseNumberText(part));
    if ('error' in checked) return { error: checked.error };
    if (!values.includes(checked.value)) values.push(checked.value);
  }
  if (values.length > MAX_VALUES) return { error: `At most ${MAX_VALUES} values, got ${values.length}.` };
  return { values };
}

/** Values as the text field shows them. */
export function valuesText(values: readonly ParamValue[], spec: ParamSpec): string {
  return values.map((v) => (v === null ? emptyWord(spec) : String(v))).join(', ');
}
