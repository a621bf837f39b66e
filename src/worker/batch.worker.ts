/**
 * The worker for whole runs done at once: grading a practice design, comparing values of a
 * param, finding how much traffic a design carries (or each value of a param), following single
 * requests through a replay (traces). Each is one or more complete runs back to back — seconds
 * of engine time — so they run here, apart from the live simulation's worker, and the page stays free.
 */
import * as Comlink from 'comlink';
import { findCapacity } from '../capacity/capacity';
import { compareValues } from '../compare/compare';
import { compareCapacity } from '../compare/capacity';
import { checkDesign } from '../practice/check';
import { scenarioById } from '../practice/scenarios';
import { findTraces } from '../trace/traces';
import type { BatchApi } from './batchHost';

const api: BatchApi = {
  check(design, scenarioId) {
    const scenario = scenarioById(scenarioId);
    if (!scenario) throw new Error(`There is no practice scenario called “${scenarioId}”.`);
    return checkDesign(design, scenario);
  },
  compare(design, subject, values) {
    return compareValues(design, subject, values);
  },
  capacity(design, target, onPoint) {
    return findCapacity(design, target, onPoint);
  },
  compareCapacity(design, subject, values, target, onVariant) {
    return compareCapacity(design, subject, values, target, onVariant);
  },
  traces(design) {
    return findTraces(design);
  },
};

Comlink.expose(api);
