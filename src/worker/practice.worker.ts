/**
 * The worker that grades practice designs. A check is several whole runs back to back — up to
 * a second or two of engine time — so it runs here, apart from the live simulation's worker,
 * and the page stays free.
 */
import * as Comlink from 'comlink';
import { checkDesign } from '../practice/check';
import { scenarioById } from '../practice/scenarios';
import type { PracticeApi } from './practiceHost';

const api: PracticeApi = {
  check(design, scenarioId) {
    const scenario = scenarioById(scenarioId);
    if (!scenario) throw new Error(`There is no practice scenario called “${scenarioId}”.`);
    return checkDesign(design, scenario);
  },
};

Comlink.expose(api);
