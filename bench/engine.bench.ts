/**
 * `npm run bench`: the engine's speed, printed, never asserted. Each figure is the median of
 * several runs in this process, beside a bare heap loop measured the same way, so the ratio
 * says how much the simulation costs over the event list alone.
 */
import * as hdr from 'hdr-histogram-js';
import { Histogram } from '../src/engine/histogram';
import { RandomStream } from '../src/engine/random';
import { Simulation } from '../src/engine/simulation';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findCapacity } from '../src/capacity/capacity';
import { DEFAULT_TARGET } from '../src/capacity/types';
import { findTraces } from '../src/trace/traces';
import { restored } from '../src/engine/testSupport';
import { engineRun, median, medianOf, mm4 as mm4Design, pairedHeapAndMm4, pool, runnerFlags, timed, warmUp } from './pairs';

const REPEATS = 5;
const fmt = (x: number, digits = 2) => x.toLocaleString('en-US', { maximumFractionDigits: digits });
const millions = (x: number) => `${fmt(x / 1e6)} M`;

const flags = runnerFlags();
console.log(
  `Archsim engine benchmark — Node ${process.version} (V8 ${process.versions.v8}${flags.length ? `, ${flags.join(' ')}` : ''}), median of ${REPEATS} runs\n`,
);

warmUp();
const { heap, mm4, ratio, ratios } = pairedHeapAndMm4(REPEATS);
const percents = ratios.map((r) => fmt(r * 100, 0)).join(', ');
console.log(`bare heap loop (hold model, 8 pending)      ${millions(heap)} events/s`);
console.log(
  `M/M/4 at ρ = 0.8, 1000 s simulated           ${millions(mm4.eventsPerS)} events/s, ${millions(mm4.requestsPerS)} requests/s ` +
    `(${fmt(mm4.requests)} requests in ${fmt(mm4.wallMs, 0)} ms) — ${fmt(ratio * 100, 0)} % of the heap loop (pairs: ${percents} %)`,
);

// The same pairs in a Node started without the runner's flags, for the record.
if (flags.length > 0) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./pairsChild.ts', import.meta.url)), '3'], {
    encoding: 'utf8',
  });
  if (child.status === 0) {
    const plain = JSON.parse(child.stdout) as { ratio: number; ratios: number[] };
    console.log(
      `  the same under Node's default inlining budget ${fmt(plain.ratio * 100, 0)} % of the heap loop (pairs: ${plain.ratios.map((r) => fmt(r * 100, 0)).join(', ')} %)`,
    );
  } else console.log(`  (the run under Node's defaults failed: ${child.stderr.trim().split('\n').at(-1)})`);
}

const lb = medianOf(Array.from({ length: REPEATS }, () => engineRun(pool(), 60)));
console.log(
  `10,000 req/s → LB → 8 servers, 60 s          ${millions(lb.eventsPerS)} events/s, ${millions(lb.requestsPerS)} requests/s, ` +
    `${fmt(lb.wallMs, 0)} ms wall for the 60 s run — ${fmt((lb.eventsPerS / heap) * 100, 0)} % of the heap loop`,
);

const p2c = medianOf(Array.from({ length: REPEATS }, () => engineRun(pool('powerOfTwoChoices'), 60)));
console.log(
  `same with power of two choices               ${millions(p2c.requestsPerS)} requests/s, ${fmt(p2c.wallMs, 0)} ms wall`,
);

// A capacity search: whole runs back to back, as the Capacity tab makes them in its worker.
const example = restored(JSON.parse(readFileSync(new URL('../examples/default.json', import.meta.url), 'utf8')));
const search = findCapacity(example, DEFAULT_TARGET);
if (search.ok) {
  const requests = search.points.reduce((sum, p) => sum + p.offeredPerSecond * (search.run.durationS + search.run.warmupS), 0);
  console.log(
    `capacity search, default example           ${search.points.length} runs of ${search.run.warmupS + search.run.durationS} s in ${fmt(search.wallMs, 0)} ms ` +
      `(~${millions(requests)} requests; carries ${fmt(search.carried?.offeredPerSecond ?? 0, 0)} req/s)`,
  );
}

// Traces: a plain run, then a replay that follows every request call by call (the Traces tab's job).
const traces = findTraces(example);
if (traces.ok) {
  const spans = traces.traces.reduce((sum, t) => sum + t.spans.length, 0);
  console.log(
    `traces, default example                    ${fmt(traces.measured)} requests measured, each followed, ${traces.traces.length} kept (${spans} spans) in ${fmt(traces.wallMs, 0)} ms`,
  );
}

// Memory: a long run holds only what is in flight.
globalThis.gc?.();
const before = process.memoryUsage().heapUsed;
const long = new Simulation(mm4Design(), { warmupMs: 0 });
long.runUntil(100_000);
globalThis.gc?.();
const afterShort = process.memoryUsage().heapUsed;
long.runUntil(2_000_000);
globalThis.gc?.();
const afterLong = process.memoryUsage().heapUsed;
console.log(
  `memory: heap +${fmt((afterShort - before) / 1e6, 1)} MB after 100 s simulated, ` +
    `+${fmt((afterLong - before) / 1e6, 1)} MB after 2000 s (${millions(long.e2e.sent)} requests; ` +
    `request table ${fmt(long.requests.capacity)} slots)`,
);

// Histograms: recording speed and p99 accuracy against sorting the samples.
const samples = new Float64Array(2_000_000);
const rng = new RandomStream(3, 'latency');
for (let i = 0; i < samples.length; i++) samples[i] = rng.exponential(10);
const ours = new Histogram();
const oursMs = median(
  Array.from({ length: REPEATS }, () =>
    timed(() => {
      ours.reset();
      for (let i = 0; i < samples.length; i++) ours.record(samples[i]);
    }),
  ),
);
const theirs = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 1e12, numberOfSignificantValueDigits: 2 });
const theirsMs = median(
  Array.from({ length: REPEATS }, () =>
    timed(() => {
      theirs.reset();
      // hdr-histogram-js records integers: microseconds.
      for (let i = 0; i < samples.length; i++) theirs.recordValue(Math.round(samples[i] * 1000));
    }),
  ),
);
const sorted = Float64Array.from(samples).sort();
const exact = sorted[Math.ceil(0.99 * sorted.length) - 1];
console.log(
  `histogram: ours ${millions((samples.length / oursMs) * 1000)} records/s (p99 error ${fmt((Math.abs(ours.quantile(0.99) - exact) / exact) * 100, 3)} %), ` +
    `hdr-histogram-js ${millions((samples.length / theirsMs) * 1000)} records/s (p99 error ${fmt((Math.abs(theirs.getValueAtPercentile(99) / 1000 - exact) / exact) * 100, 3)} %)`,
);

console.log(
  `\ntargets: M/M/4 ≥ 2 M requests/s (${mm4.requestsPerS >= 2e6 ? 'met' : 'MISSED'}); ` +
    `engine ≥ 40 % of the heap loop (${ratio >= 0.4 ? 'met' : 'MISSED'}); ` +
    `60 s at 10,000 req/s well under 1 s (${lb.wallMs < 500 ? 'met' : 'MISSED'})`,
);
