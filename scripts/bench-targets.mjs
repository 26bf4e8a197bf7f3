// The speed targets the benchmark (scripts/bench.mjs) reports, judged from
// one run's figures, and the way it writes a time.

/** A time in milliseconds as the report writes it: µs below 1 ms. */
export const ms = (value) => (value == null ? '—' : value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(2)} ms`);

/** The middle of `values` (the upper middle of an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The row name of the demo portal page in the bench's tables. */
export const PORTAL = 'portal (www/index.html)';

/** How many times faster yilan is than Readability in a row of the tables, or null without a yilan figure. */
export const timesFaster = (row) => (row?.yilan && row.readability ? row.readability.median / row.yilan.median : null);

/**
 * The speed targets the package is held to, each `{ what, got, met }`,
 * from the figures of this run: against Readability at least 5× from the
 * live page on every HTML fixture, and from a string 5× under 50 KB and
 * 2.5× from 300 KB (where the browser's own parse, which both pay,
 * dominates); the portal page parsed and rendered live within 1 ms;
 * entering the mode warm within one frame, cold painted within 100 ms.
 */
export function targets(results, fixtureNames) {
  const KB = 1024;
  const short = (name) => name.split('-')[0];
  const against = (table, names, least) => {
    const rows = names.map((name) => [short(name), timesFaster(table[name])]);
    return {
      got: rows.map(([name, value]) => `${name} ${value == null ? '—' : `${value.toFixed(1)}×`}`).join(', '),
      met: rows.length > 0 && rows.every(([, value]) => value != null && value >= least),
    };
  };
  // `below`: the figure must stay under `most`, not reach it.
  const within = (value, most, below = false) => ({ got: ms(value), met: value != null && (below ? value < most : value <= most) });
  const small = fixtureNames.filter((name) => results.string[name]?.bytes < 50 * KB);
  const large = fixtureNames.filter((name) => results.string[name]?.bytes >= 300 * KB);
  return [
    { what: 'from the live page, ≥ 5× Readability on every HTML fixture', ...against(results.live, fixtureNames, 5) },
    { what: 'from an HTML string, ≥ 5× on the fixtures under 50 KB', ...against(results.string, small, 5) },
    { what: 'from an HTML string, ≥ 2.5× on the pages from 300 KB', ...against(results.string, large, 2.5) },
    { what: 'the portal page parsed and rendered live, ≤ 1 ms', ...within(results.live[PORTAL]?.yilan?.median, 1) },
    { what: 'entering the mode warm, to the next frame, ≤ 16 ms', ...within(results.toggle.warm?.frame, 16) },
    { what: 'entering the mode cold, to painted, < 100 ms', ...within(results.toggle.cold?.paint, 100, true) },
  ];
}

/**
 * The scaling target, as the browser's scaling benchmark
 * (scripts/bench-scaling.mjs) judges it: 10× the input at most 11× the
 * time, so from one size to the next the time may grow at most 1.1 times
 * as much as the bytes read.
 */
export const SCALING = 1.1;

/**
 * The steps from each size to the next, from `times` (per size, one time
 * per round, the sizes timed in turns within a round) and `bytes` (per
 * size): the median, least and most over the rounds of each round's time
 * ratio, the ratio of the bytes, and whether the median stays within
 * `SCALING` times the bytes' ratio.
 */
export function scalingSteps(ids, times, bytes) {
  const steps = [];
  for (let i = 1; i < ids.length; i += 1) {
    const ratios = times[i].map((time, round) => time / times[i - 1][round]);
    const time = median(ratios);
    const grown = bytes[i] / bytes[i - 1];
    steps.push({
      from: ids[i - 1],
      to: ids[i],
      time,
      min: Math.min(...ratios),
      max: Math.max(...ratios),
      bytes: grown,
      met: ratios.length > 0 && time <= SCALING * grown,
    });
  }
  return steps;
}
