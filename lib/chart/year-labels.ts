/**
 * Which years of a bar chart's axis get a label, so labels never overlap: on 75 years of the whole
 * register every year's label ran into its neighbours. Labels sit on round years (every 2nd, 5th,
 * 10th…) so a thinned axis still reads like a calendar; a phone showing a few years uses the short
 * form ’82 before it drops any.
 */

/** Room a label needs, in pixels, at the axis' 11 px font (four digits, or ’ and two digits), with a gap. */
export const FULL_LABEL_PX = 34;
export const SHORT_LABEL_PX = 22;
const STEPS = [1, 2, 5, 10, 20, 25, 50, 100];

export type YearLabelRule = { step: number; short: boolean };

/** The densest rule whose labels fit in `bandPx`, the width of one year on the axis. */
export function yearLabelRule(bandPx: number): YearLabelRule {
  for (const step of STEPS) {
    if (step * bandPx >= FULL_LABEL_PX) return { step, short: false };
    if (step === 1 && bandPx >= SHORT_LABEL_PX) return { step: 1, short: true };
  }
  return { step: STEPS[STEPS.length - 1], short: false };
}

/** The label of `year` under `rule`, or null when the year goes unlabelled. */
export function yearLabel(year: number, rule: YearLabelRule): string | null {
  if (year % rule.step !== 0) return null;
  return rule.short ? `’${String(year).slice(-2)}` : String(year);
}
