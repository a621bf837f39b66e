/** The engine's public face: everything the worker, the CLI, tests and benchmarks use. */
export { Simulation, type SimulationOptions } from './simulation';
export { summarize, snapshot, settledErrorRate, judgedP99, upShare, type EndToEndFigures, type NodeFigures, type RunSummary, type Snapshot, type NodeLive, type EdgeLive } from './report';
export type { WindowPoint, LatencySummary, PercentileCurve } from './metrics';
export { runDesign, simulateDesign, type RunOptions } from './run';
