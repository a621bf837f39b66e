/** Which params matter given the others, so the inspector shows only what has an effect. */
import { autoscales, type Params } from '../../model';

export function isRelevant(key: string, params: Params, context: { sourceKind?: string } = {}): boolean {
  switch (key) {
    case 'rampToRatePerSecond':
      return params.traffic === 'ramp';
    case 'spikeFactor':
      return params.traffic === 'spike';
    case 'shapeStartS':
    case 'shapeEndS':
      return params.traffic === 'ramp' || params.traffic === 'spike';
    case 'sineAmplitude':
    case 'periodS':
      return params.traffic === 'sine';
    // Serving stale entries needs entries that go stale.
    case 'staleWhileRevalidateS':
      return typeof params.ttlSeconds === 'number';
    case 'zipfExponent':
      return params.keyDistribution === 'zipf';
    case 'backoffMs':
    case 'retryBudgetPercent':
      return typeof params.retries === 'number' && params.retries > 0;
    case 'serviceTimeCv':
      return params.serviceDistribution === 'lognormal';
    // Autoscaling's settings matter once it has room to scale.
    case 'targetUtilization':
    case 'scaleIntervalS':
    case 'provisionS':
      return autoscales(params);
    case 'virtualNodes':
      return params.algorithm === 'consistentHash';
    case 'weight':
      return context.sourceKind === 'loadBalancer';
    // A breaker's timing only matters once it has a threshold.
    case 'breakerWindowS':
    case 'breakerOpenS':
    case 'breakerProbes':
      return typeof params.breakerFailures === 'number' && params.breakerFailures > 0;
    default:
      return true;
  }
}
