/**
 * The headless runner: `npm run --silent sim -- design.json [--duration s] [--warmup s]
 * [--seed n] [--json | --csv]`. Reads a design through the same restore() gate as links and files,
 * runs it, and prints a table or exactly one JSON object. Bad input exits 1 with one line.
 * With `--scenario <id>` it grades the design against a practice brief instead: exit 0 when
 * it passes, 2 when it does not. With `--compare target.key[=v1,v2,…]` it runs the design once
 * per value of one param, with the same requests, and prints the runs side by side. With
 * `--capacity` it finds the most traffic the design carries within a p99 and error target; with
 * both, the traffic each value of the param carries. With `--trace` it follows single requests
 * through the design, call by call: the slowest, a failure, and ones at the p99 and the median.
 */
import { readFileSync } from 'node:fs';
import { runnable } from '../model';
import { runDesign, simulateDesign, summarize } from '../engine';
import { resultsCsv, secondsLeftOut } from '../share/results';
import { compareValues } from '../compare/compare';
import { compareCapacity } from '../compare/capacity';
import { findCapacity } from '../capacity/capacity';
import { DEFAULT_TARGET } from '../capacity/types';
import { findTraces } from '../trace/traces';
import { resolveComparison } from '../compare/subject';
import { checkDesign } from '../practice/check';
import { scenarioById, SCENARIOS } from '../practice/scenarios';
import { parseArgs, UsageError } from './args';
import { formatCapacity, formatCapacityComparison, formatCheck, formatComparison, formatTable, formatTraces } from './table';

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    throw error;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'it is a folder, not a file', EACCES: 'permission denied' };
    return fail(`cannot read ${args.file}: ${(code && why[code]) ?? code ?? error}`);
  }
  const checked = runnable(text);
  if (!checked.ok) return fail(`${args.file}: ${checked.problems.map((p) => p.message).join(' ')}`);
  const design = checked.design;

  if (args.scenario !== undefined) {
    const scenario = scenarioById(args.scenario);
    if (!scenario) return fail(`there is no practice scenario '${args.scenario}'; there are ${SCENARIOS.map((s) => s.id).join(', ')}`);
    const result = checkDesign(design, scenario);
    if (!result.ok) return fail(`${args.file}: ${result.problems.join(' ')}`);
    process.stdout.write(args.json ? `${JSON.stringify({ scenario: scenario.id, ...result })}\n` : formatCheck(scenario, result));
    return result.passed ? 0 : 2;
  }

  const measured = {
    ...design,
    run: { durationS: args.durationS ?? design.run.durationS, warmupS: args.warmupS ?? design.run.warmupS },
    seed: args.seed ?? design.seed,
  };
  const target = {
    p99Ms: args.p99Ms ?? DEFAULT_TARGET.p99Ms,
    errorRate: args.errorPercent !== undefined ? args.errorPercent / 100 : DEFAULT_TARGET.errorRate,
    queueLagMs: args.queueWaitMs ?? DEFAULT_TARGET.queueLagMs,
  };

  if (args.compare !== undefined) {
    const asked = resolveComparison(measured, args.compare);
    if ('error' in asked) return fail(`--compare: ${asked.error}`);
    if (args.capacity) {
      const comparison = compareCapacity(measured, asked.subject, asked.values, target);
      process.stdout.write(args.json ? `${JSON.stringify(comparison)}\n` : formatCapacityComparison(measured, comparison));
      return 0;
    }
    const comparison = compareValues(measured, asked.subject, asked.values);
    process.stdout.write(args.json ? `${JSON.stringify(comparison)}\n` : formatComparison(measured, comparison));
    return 0;
  }

  if (args.trace) {
    const result = findTraces(measured);
    if (!result.ok) return fail(`--trace: ${result.problem}`);
    process.stdout.write(args.json ? `${JSON.stringify(result)}\n` : formatTraces(measured, result));
    return 0;
  }

  if (args.capacity) {
    const result = findCapacity(measured, target);
    if (!result.ok) return fail(`--capacity: ${result.problem}`);
    process.stdout.write(args.json ? `${JSON.stringify(result)}\n` : formatCapacity(measured, result));
    return 0;
  }

  const run = { durationS: args.durationS ?? design.run.durationS, warmupS: args.warmupS ?? design.run.warmupS, seed: args.seed };
  try {
    if (args.csv) {
      const sim = simulateDesign(design, run);
      const series = sim.series.since(0);
      // Whether a node does work of its own, as the run's stations know it (the playground reads the same from its snapshot).
      const nodes = design.nodes.map((n, i) => ({ id: n.id, name: n.label ?? n.id, kind: n.kind, ownWork: !sim.stations[i].passThrough }));
      process.stdout.write(resultsCsv({ summary: summarize(sim, 0), series }, nodes));
      const leftOut = secondsLeftOut(series);
      if (leftOut > 0) process.stderr.write(`archsim: note: the CSV holds the last ${series.length} seconds; the first ${leftOut} are not kept\n`);
      return 0;
    }
    const summary = runDesign(design, run);
    process.stdout.write(args.json ? `${JSON.stringify(summary)}\n` : formatTable(design, summary));
    return 0;
  } catch (error) {
    return fail(`${args.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const USAGE = [
  'usage: npm run --silent sim -- <design.json> [--duration <s>] [--warmup <s>] [--seed <n>] [--json | --csv]',
  '       npm run --silent sim -- <design.json> --scenario <id> [--json]   grade against a practice brief (exit 2: not passed)',
  '       npm run --silent sim -- <design.json> --compare <node-or-edge>.<param>[=v1,v2,…] [--duration <s>] [--warmup <s>] [--seed <n>] [--json]',
  '       npm run --silent sim -- <design.json> --capacity [--p99 <ms>] [--errors <%>] [--queue-wait <ms>] [--duration <s>] [--warmup <s>] [--seed <n>] [--json]',
  '       npm run --silent sim -- <design.json> --compare <node-or-edge>.<param>[=v1,v2,…] --capacity [--p99 <ms>] …   the traffic each value carries',
  '       npm run --silent sim -- <design.json> --trace [--duration <s>] [--warmup <s>] [--seed <n>] [--json]   single requests, call by call',
  `practice scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}`,
].join('\n');

function fail(reason: string): number {
  process.stderr.write(`archsim: ${reason.replace(/\s+/g, ' ').trim()}\n`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
