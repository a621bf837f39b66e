/** A practice scenario: an interviewer's brief, the rules it sets, and how a design is graded. */
import type { Design, NodeKind, Params, ScheduledFault } from '../model';

/** What a design must achieve in the brief's check run. */
export type Requirement =
  /** End-to-end p99 latency of successful requests. */
  | { kind: 'p99'; maxMs: number }
  /**
   * The median latency of the requests completed in each simulated second, in every measured
   * second: what most people see, even while something is wrong.
   */
  | { kind: 'p50EverySecond'; maxMs: number }
  /** The p99 latency of the requests completed in each simulated second, in every measured second: no second's tail too slow. */
  | { kind: 'p99EverySecond'; maxMs: number }
  /** Failed requests among those settled (answered or given up). */
  | { kind: 'errorRate'; max: number }
  /** The design's monthly cost. */
  | { kind: 'cost'; maxPerMonth: number }
  /** The longest any message waits in a queue (those still waiting at the end included); met with no queue. */
  | { kind: 'queueLag'; maxS: number }
  /**
   * One run per node of kind `of`, each losing that node at `atS` for good: in every one, the
   * error rate and p99 stay within bounds (no single point of failure, and enough left to serve).
   */
  | { kind: 'survivesLoss'; of: NodeKind; atS: number; maxErrorRate: number; maxP99Ms: number }
  /**
   * Every simulated second from `fromS` on: p99 and the error rate within bounds. A trouble the
   * brief causes may hurt while it lasts; the design must be itself again soon after.
   */
  | { kind: 'recovers'; fromS: number; maxP99Ms: number; maxErrorRate: number };

export interface Scenario {
  id: string;
  title: string;
  /** How much it asks: one idea, the everyday ones, or one that takes some digging. */
  level: 'warm-up' | 'core' | 'stretch';
  /** One line for the list. */
  summary: string;
  /** The interviewer's prompt, a paragraph each. */
  brief: string[];
  /** Where the candidate starts; its clients (ids and traffic) are the brief's. */
  start: Design;
  /** A design that meets every requirement (shown on request, and proven in tests). */
  answer: Design;
  /** Instance params unlike the catalogue's defaults (a smaller database, say). */
  hardware?: Partial<Record<NodeKind, Params>>;
  /**
   * Nodes of the starting design, besides its clients, that the brief provides: the design
   * must keep them, with their params as given (a third party's service, say).
   */
  given?: string[];
  /**
   * Params the brief also fixes on the nodes it provides, beyond those of their kind's (a
   * mobile app's timeout and retries, already shipped).
   */
  fixes?: Partial<Record<NodeKind, readonly string[]>>;
  /** What happens to the brief's own nodes during the check (a provider slowing down, say). */
  faults?: ScheduledFault[];
  /** The check run: seeds and lengths are the brief's, not the design's. */
  check: { durationS: number; warmupS: number; seed: number };
  requirements: Requirement[];
  /** Nudges, from gentle to nearly the answer. */
  hints: string[];
}

/** One requirement's outcome. */
export interface RequirementResult {
  /** Which requirement: its kind, or `rules` for keeping the brief's traffic and hardware. */
  requirement: Requirement['kind'] | 'rules';
  /** What was asked, as a person would say it ("p99 latency at most 100 ms"). */
  label: string;
  passed: boolean;
  /** What the design did ("p99 74.2 ms"), or why it could not be measured. */
  measured: string;
  /** The node the outcome is about, when there is one (the server whose loss hurt most). */
  nodeId?: string;
}

export type CheckResult =
  /** The design cannot run: fix these first (the same problems Run reports). */
  | { ok: false; problems: string[] }
  | { ok: true; passed: boolean; results: RequirementResult[]; runs: number; wallMs: number };
