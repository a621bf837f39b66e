/**
 * Back-of-the-envelope traffic, as a system-design interview starts it: daily active users
 * times requests per user, spread over the day's 86,400 seconds, times how far the busiest
 * hour runs above the day's average.
 */

export const SECONDS_PER_DAY = 86_400;

export interface DailyTraffic {
  dailyUsers: number;
  requestsPerUser: number;
  /** The busiest time's rate over the day's average (2–3 for most consumer traffic). */
  peakToAverage: number;
}

export type Estimate = { average: number; peak: number } | { problem: string };

const SCALES: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };

/** "10M", "2.5 k", "1,000,000", "3 million" → a number; null when it is none of those. */
export function parseCount(text: string): number | null {
  const match = /^\s*([0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return null;
  const scale = match[2] === '' ? 1 : SCALES[match[2].toLowerCase()];
  if (scale === undefined) return null;
  return Number(match[1].replace(/,/g, '')) * scale;
}

export function estimateRate({ dailyUsers, requestsPerUser, peakToAverage }: DailyTraffic): Estimate {
  if (!(dailyUsers > 0)) return { problem: 'Daily users must be a positive number (10M, 250k, 40,000).' };
  if (!(requestsPerUser > 0)) return { problem: 'Requests per user must be a positive number.' };
  if (!(peakToAverage >= 1)) return { problem: 'Peak ÷ average must be at least 1 (the peak is never below the average).' };
  const average = (dailyUsers * requestsPerUser) / SECONDS_PER_DAY;
  return { average, peak: average * peakToAverage };
}

/** A rate as the field takes it: whole requests from 100/s up, three significant figures below. */
export const roundedRate = (rate: number): number => (rate >= 100 ? Math.round(rate) : Number(rate.toPrecision(3)));
