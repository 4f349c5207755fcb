// Student's t, central and noncentral, for the confidence intervals of effect-size.ts. Precise to
// ~1e-13 in probability, so quantiles and interval limits agree with R's pt/qt to far better than the
// 1e-9 the fixtures check.
import { normalCdf } from './change.ts';
import { PsychometricsError } from './errors.ts';

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0, by the Lanczos approximation (g = 7, nine terms; relative error ~1e-15). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new PsychometricsError(`logGamma needs a positive argument; got ${x}`, 'x');
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let step = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + step * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + step / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    step = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + step * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + step / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) return h;
  }
  return h;
}

/**
 * Regularised incomplete beta I_x(a, b). `y` is 1 − x, passed separately when the caller has it
 * exactly (t² / (df + t²) for a t near 0 would lose digits as 1 − x).
 */
export function incompleteBeta(x: number, a: number, b: number, y: number = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y));
  // The fraction converges fast only below the mean; above it, use I_x(a, b) = 1 − I_y(b, a).
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(x, a, b)) / a
    : 1 - (front * betaContinuedFraction(y, b, a)) / b;
}

/** Lower tail of Student's t with `df` (> 0, not necessarily whole) degrees of freedom, as R's pt. */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new PsychometricsError(`degrees of freedom must be positive; got ${df}`, 'df');
  if (t === 0) return 0.5;
  const tt = t * t;
  const tail = 0.5 * incompleteBeta(df / (df + tt), df / 2, 0.5, tt / (df + tt));
  return t < 0 ? tail : 1 - tail;
}

/** Quantile of Student's t (R's qt), by bisection on studentTCdf to the last representable digit. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new PsychometricsError(`probability must be between 0 and 1; got ${p}`, 'p');
  if (p === 0.5) return 0;
  let low = -1;
  let high = 1;
  while (studentTCdf(low, df) > p) low *= 2;
  while (studentTCdf(high, df) < p) high *= 2;
  for (let step = 0; step < 200; step++) {
    const middle = (low + high) / 2;
    if (middle === low || middle === high) break;
    if (studentTCdf(middle, df) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * Lower tail of the noncentral t: P(T ≤ t) for df degrees of freedom and noncentrality ncp. The
 * algorithm of R's pnt(): Lenth (1989, AS 243) with Guenther's (1978) twin series, the same
 * convergence bound (1e-12) and the same normal approximation (Abramowitz & Stegun 26.7.10) where
 * the series underflows, so that intervals found from it agree with R's.
 */
export function noncentralTCdf(t: number, df: number, ncp: number): number {
  if (!(df > 0)) throw new PsychometricsError(`degrees of freedom must be positive; got ${df}`, 'df');
  if (ncp === 0) return studentTCdf(t, df);
  let negative = false;
  let tt = t;
  let del = ncp;
  if (t < 0) {
    if (ncp > 40) return 0;
    negative = true;
    tt = -t;
    del = -ncp;
  }
  if (df > 4e5 || del * del > 2 * Math.LN2 * 1021) {
    const s = 1 / (4 * df);
    const upper = normalCdf((tt * (1 - s) - del) / Math.sqrt(1 + tt * tt * 2 * s));
    return negative ? 1 - upper : upper;
  }
  let tnc = 0;
  const x = (t * t) / (t * t + df);
  if (x > 0) {
    const lambda = del * del;
    // |del| ≤ 37.6 here (the approximation above takes larger ones), so p cannot underflow.
    let p = 0.5 * Math.exp(-0.5 * lambda);
    let q = Math.sqrt(2 / Math.PI) * p * del;
    let s = 0.5 - p;
    if (s < 1e-7) s = -0.5 * Math.expm1(-0.5 * lambda);
    let a = 0.5;
    const b = 0.5 * df;
    const rxb = (df / (t * t + df)) ** b;
    const logBeta = 0.5 * Math.log(Math.PI) + logGamma(b) - logGamma(0.5 + b);
    let xodd = incompleteBeta(x, a, b, df / (t * t + df));
    let godd = 2 * rxb * Math.exp(a * Math.log(x) - logBeta);
    let xeven = b * x < Number.EPSILON ? b * x : 1 - rxb;
    let geven = b * x * rxb;
    tnc = p * xodd + q * xeven;
    for (let it = 1; it <= 1000; it++) {
      a += 1;
      xodd -= godd;
      xeven -= geven;
      godd *= (x * (a + b - 1)) / a;
      geven *= (x * (a + b - 0.5)) / (a + 0.5);
      p *= lambda / (2 * it);
      q *= lambda / (2 * it + 1);
      tnc += p * xodd + q * xeven;
      s -= p;
      if (s < -1e-10) break;
      if (s <= 0 && it > 1) break;
      if (Math.abs(2 * s * (xodd - godd)) < 1e-12) break;
    }
  }
  tnc += normalCdf(-del);
  const lower = Math.min(tnc, 1);
  return negative ? 1 - lower : lower;
}

/**
 * The noncentrality parameters whose distributions put an observed t at the upper and lower
 * (1 − confidence)/2 tails: the confidence interval for the noncentrality of t (Steiger & Fouladi,
 * 1997). The CDF falls as ncp rises, so each limit is found by bisection.
 */
export function noncentralityInterval(t: number, df: number, confidence: number): [number, number] {
  const tail = (1 - confidence) / 2;
  const solve = (target: number): number => {
    const width = 10 + Math.abs(t);
    let low = t - width;
    let high = t + width;
    while (noncentralTCdf(t, df, low) < target) low -= width;
    while (noncentralTCdf(t, df, high) > target) high += width;
    for (let step = 0; step < 200; step++) {
      const middle = (low + high) / 2;
      if (middle === low || middle === high) break;
      if (noncentralTCdf(t, df, middle) > target) low = middle;
      else high = middle;
    }
    return (low + high) / 2;
  };
  return [solve(1 - tail), solve(tail)];
}
