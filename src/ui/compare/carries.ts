/** The Compare tab's capacity per row, in words: each row's Carries cell and the line beside the button. */
import type { ParamValue } from '../../model';
import type { CapacityLimit, CapacityTarget } from '../../capacity/types';
import type { VariantCapacityResult } from '../../compare/capacity';
import { formatLoad, targetText } from '../../capacity/verdict';
import type { RowsCapacityJob } from '../../store/compare';
import { plural } from '../format';

export type Carries =
  | { state: 'waiting' }
  | { state: 'searching' }
  | { state: 'problem'; problem: string }
  /** `most`: no row carries more (marked only once every row is searched, and only among several). */
  | { state: 'carries'; load: string; most: boolean; limit: CapacityLimit | null };

/** Each searched row's cell, by its value; null when there is no column to show. */
export function carriesByValue(job: RowsCapacityJob): Map<ParamValue, Carries> | null {
  if (job.status === 'running') {
    const finished = new Map(job.variants.map((v) => [v.value, carriesOf(v, null)]));
    // The worker searches the values in order: the first not finished is the one under way.
    return new Map(job.values.map((value, i) => [value, finished.get(value) ?? { state: i === job.variants.length ? 'searching' : 'waiting' }]));
  }
  if (job.status === 'done') {
    const most = mostCarried(job.result.variants);
    return new Map(job.result.variants.map((v) => [v.value, carriesOf(v, most)]));
  }
  return null;
}

function carriesOf(variant: VariantCapacityResult, most: number | null): Carries {
  if (!variant.ok) return { state: 'problem', problem: variant.problem };
  const { carriedPerSecond, atLeast, limit } = variant;
  return {
    state: 'carries',
    load: carriedPerSecond === null ? 'misses at every load' : `${atLeast ? 'at least ' : ''}${formatLoad(carriedPerSecond)}`,
    most: carriedPerSecond !== null && carriedPerSecond === most,
    limit,
  };
}

function mostCarried(variants: readonly VariantCapacityResult[]): number | null {
  const searched = variants.flatMap((v) => (v.ok ? [v.carriedPerSecond] : []));
  const loads = searched.filter((x): x is number => x !== null);
  return searched.length > 1 && loads.length > 0 ? Math.max(...loads) : null;
}

/** Beside the button: what it will do, how far it has got, or what it found. */
export function capacityNote(job: RowsCapacityJob, target: CapacityTarget, hasQueue: boolean): string {
  const within = (t: CapacityTarget) => targetText(t, hasQueue);
  if (job.status === 'running') {
    // The last row's answer can come just before the whole search's: it is still the row searched.
    const row = Math.min(job.variants.length + 1, job.values.length);
    return `Searching row ${row} of ${job.values.length} for the most traffic it carries within ${within(job.target)} …`;
  }
  const asked = `A capacity search per row: the most traffic each value carries within the Capacity tab’s target, ${within(target)}.`;
  if (job.status !== 'done') return asked;
  const { result } = job;
  const runs = result.variants.reduce((sum, v) => sum + (v.ok ? v.runs : 0), 0);
  const found = `Carries: the most traffic each row carries within ${within(result.target)}; ${plural(runs, 'run')} in ${(result.wallMs / 1000).toFixed(1)} s.`;
  return within(result.target) === within(target) ? found : `${found} The Capacity tab’s target is now ${within(target)}.`;
}
