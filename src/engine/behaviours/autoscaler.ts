/**
 * Target-tracking autoscaling for a server's instances, as cloud autoscalers do it: every
 * interval it reads the utilisation of the interval just ended and asks for
 * ⌈serving × utilisation ÷ target⌉ instances, kept within [instances, maxInstances]. New
 * instances take requests after the start-up time; while any are starting it does not scale
 * in. Instances removed stop taking requests at once; calls in service on them finish.
 */
import type { Params } from '../../model/params';
import type { Simulation } from '../simulation';

export class Autoscaler {
  /** Instances taking requests now. */
  serving: number;
  /** Instances starting up, in the order they will be ready. */
  private readonly starting: { readyAt: number; count: number }[] = [];
  private perInstance = 1;
  private fewest = 1;
  private most = 1;
  private target = 0.6;
  private intervalMs = 10_000;
  private provisionMs = 30_000;
  /** When the next decision is due; a timer firing at any other time is stale (the settings changed). */
  private nextDecisionAt = Infinity;
  private busyAtLast = 0;
  private capacityAtLast = 0;
  private readonly decideTimer: number;
  private readonly readyTimer: number;
  // Instance-milliseconds billed since the figures began: a month's bill is its average.
  private billedArea = 0;
  private billedSince = 0;
  private billedAt = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly node: number,
    params: Params,
  ) {
    this.serving = (params.instances as number | undefined) ?? 1;
    this.decideTimer = sim.registerTimer(() => this.decide());
    this.readyTimer = sim.registerTimer(() => this.startUp());
    this.configure(params);
  }

  /** Instances billed: serving and starting. */
  get billed(): number {
    return this.serving + this.starting.reduce((total, s) => total + s.count, 0);
  }

  get active(): boolean {
    return this.most > this.fewest;
  }

  /** Instances billed on average since the figures began (the current count before any time has passed). */
  averageBilled(): number {
    this.accountBilled();
    const elapsed = this.sim.now - this.billedSince;
    return elapsed > 0 ? this.billedArea / elapsed : this.billed;
  }

  /** The figures restart: the average counts from now. */
  resetAverage(): void {
    this.billedArea = 0;
    this.billedSince = this.billedAt = this.sim.now;
  }

  /** Brings the billed instance-time up to now; call before anything changes how many are billed. */
  private accountBilled(): void {
    this.billedArea += this.billed * (this.sim.now - this.billedAt);
    this.billedAt = this.sim.now;
  }

  configure(params: Params): void {
    this.accountBilled();
    this.perInstance = params.workers as number;
    this.fewest = (params.instances as number | undefined) ?? 1;
    this.most = Math.max(this.fewest, (params.maxInstances as number | undefined) ?? 1);
    this.target = (params.targetUtilization as number | undefined) ?? 0.6;
    this.intervalMs = ((params.scaleIntervalS as number | undefined) ?? 10) * 1000;
    this.provisionMs = ((params.provisionS as number | undefined) ?? 30) * 1000;
    this.setServing(Math.min(this.most, Math.max(this.fewest, this.serving)));
    if (!this.active) {
      this.starting.length = 0;
      this.nextDecisionAt = Infinity;
    } else if (!(this.nextDecisionAt > this.sim.now && this.nextDecisionAt < Infinity)) {
      // Switched on (or first configured): the first decision is an interval from now.
      this.scheduleDecision();
    }
  }

  /** Measures the next interval from now: after a decision, and when the figures restart (their integrals do). */
  rebase(): void {
    const areas = this.sim.nodeAreas(this.node);
    this.busyAtLast = areas.busy;
    this.capacityAtLast = areas.capacity;
  }

  private scheduleDecision(): void {
    this.rebase();
    this.nextDecisionAt = this.sim.now + this.intervalMs;
    this.sim.at(this.nextDecisionAt, this.decideTimer);
  }

  private decide(): void {
    if (this.sim.now !== this.nextDecisionAt || !this.active) return;
    this.accountBilled();
    const areas = this.sim.nodeAreas(this.node);
    const capacity = areas.capacity - this.capacityAtLast;
    const utilization = capacity > 0 ? Math.min(1, (areas.busy - this.busyAtLast) / capacity) : 0;
    // The small slack keeps an exact target (0.6 of 5 instances is 3) from rounding up on float noise.
    const wanted = Math.min(this.most, Math.max(this.fewest, Math.ceil((this.serving * utilization) / this.target - 1e-9)));
    const billed = this.billed;
    if (wanted > billed) {
      this.starting.push({ readyAt: this.sim.now + this.provisionMs, count: wanted - billed });
      this.sim.at(this.sim.now + this.provisionMs, this.readyTimer);
    } else if (wanted < this.serving && billed === this.serving) {
      this.setServing(wanted);
    }
    this.scheduleDecision();
  }

  /** Instances whose start-up time is over begin taking requests. */
  private startUp(): void {
    this.accountBilled();
    let ready = 0;
    while (this.starting.length > 0 && this.starting[0].readyAt <= this.sim.now) ready += this.starting.shift()!.count;
    if (ready > 0) this.setServing(Math.min(this.most, this.serving + ready));
  }

  private setServing(count: number): void {
    this.serving = count;
    const station = this.sim.stations[this.node];
    station.account(this.sim.now);
    station.workers = count * this.perInstance;
    this.sim.fillWorkers(station);
  }
}
