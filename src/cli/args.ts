/** Command-line arguments of the headless runner, checked strictly: a typo is an error, not a default. */
import { LIMITS } from '../model';

export class UsageError extends Error {}

export interface CliArgs {
  file: string;
  durationS?: number;
  warmupS?: number;
  seed?: number;
  /** Grade the design against this practice scenario instead of printing its figures. */
  scenario?: string;
  /** Compare values of one param instead: `target.key` or `target.key=v1,v2,…` (node or edge id). */
  compare?: string;
  /** Find how much traffic the design carries within a target instead (`--capacity`). */
  capacity: boolean;
  /** Follow single requests through the design instead: the slowest, a failure, the p99 and p50 ones (`--trace`). */
  trace: boolean;
  /** The capacity target's parts, each defaulting to DEFAULT_TARGET's. */
  p99Ms?: number;
  errorPercent?: number;
  queueWaitMs?: number;
  json: boolean;
  /** Print the run's seconds as CSV (a row per simulated second) instead of its figures. */
  csv: boolean;
  help: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { file: '', capacity: false, trace: false, json: false, csv: false, help: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--json':
        args.json = true;
        break;
      case '--csv':
        args.csv = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      case '--duration':
        args.durationS = seconds(flag, value(), false);
        break;
      case '--warmup':
        args.warmupS = seconds(flag, value(), true);
        break;
      case '--scenario':
        args.scenario = value();
        break;
      case '--compare':
        args.compare = value();
        break;
      case '--capacity':
        args.capacity = true;
        break;
      case '--trace':
        args.trace = true;
        break;
      case '--p99':
        args.p99Ms = positive(flag, value(), 'milliseconds');
        break;
      case '--errors':
        args.errorPercent = percent(flag, value());
        break;
      case '--queue-wait':
        args.queueWaitMs = positive(flag, value(), 'milliseconds');
        break;
      case '--seed': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n > 0xffffffff) throw new UsageError(`--seed must be a whole number from 0 to 4294967295, got '${v}'`);
        args.seed = n;
        break;
      }
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
        files.push(arg);
    }
  }
  if (args.help) return args;
  // --compare with --capacity compares the values by the traffic each carries.
  const modes = [args.scenario !== undefined && '--scenario', args.compare !== undefined && '--compare', args.capacity && '--capacity'].filter(Boolean);
  if (args.scenario !== undefined && modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot go together`);
  if (args.trace && modes.length > 0) throw new UsageError(`--trace and ${modes.join(' and ')} cannot go together`);
  const targetFlags = [args.p99Ms !== undefined && '--p99', args.errorPercent !== undefined && '--errors', args.queueWaitMs !== undefined && '--queue-wait'].filter(Boolean);
  if (!args.capacity && targetFlags.length > 0) throw new UsageError(`${targetFlags.join(', ')} set the target of --capacity: add --capacity`);
  if (args.csv && args.json) throw new UsageError('--csv and --json cannot go together: pick one format');
  if (args.csv && (modes.length > 0 || args.trace)) {
    throw new UsageError(`--csv prints one run’s seconds: it does not go with ${modes[0] || '--trace'}`);
  }
  if (args.scenario !== undefined && (args.durationS !== undefined || args.warmupS !== undefined || args.seed !== undefined)) {
    throw new UsageError('--scenario runs the brief’s own seed and length: drop --duration, --warmup and --seed');
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'no design file given' : `expected one design file, got ${files.length}`);
  args.file = files[0];
  return args;
}

function positive(flag: string, text: string, unit: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number of ${unit}, got '${text}'`);
  return n;
}

function percent(flag: string, text: string): number {
  const n = Number(text.replace(/\s*%$/, ''));
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n >= 100) throw new UsageError(`${flag} must be a percentage from 0 up to 100, got '${text}'`);
  return n;
}

function seconds(flag: string, text: string, zeroAllowed: boolean): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || (!zeroAllowed && n === 0) || n > LIMITS.maxDurationS) {
    const range = zeroAllowed ? 'zero or more' : 'more than zero';
    throw new UsageError(`${flag} must be a number of seconds, ${range} and at most ${LIMITS.maxDurationS}, got '${text}'`);
  }
  return n;
}
