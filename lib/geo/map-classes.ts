/**
 * The map's colour classes: zero is its own class (0), and positive values
 * fall into up to five equal-width classes of a "nice" width (1, 2 or 5 times
 * a power of ten), numbered 1 to 5 in the legend. Pure, shared by the server
 * (which picks the width) and the map island (which classifies each value).
 */

export const MAX_CLASSES = 5;

export type ClassScale = { step: number; classes: number };

/** A scale whose classes cover (0, max]. */
export function classScale(max: number): ClassScale {
  if (!(max > 0)) return { step: 1, classes: 0 };
  const rough = max / MAX_CLASSES;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!;
  const whole = Math.max(1, step);
  return { step: whole, classes: Math.min(MAX_CLASSES, Math.ceil(max / whole)) };
}

/** The class of a value: 0 for none, else 1…scale.classes. */
export function classOf(value: number, scale: ClassScale): number {
  if (!(value > 0)) return 0;
  return Math.min(scale.classes, Math.max(1, Math.ceil(value / scale.step)));
}

/** The values a class covers: lower bound exclusive (0 for class 1), upper inclusive; the last class is open-ended. */
export function classRange(index: number, scale: ClassScale): { above: number; upTo: number | null } {
  return { above: (index - 1) * scale.step, upTo: index === scale.classes ? null : index * scale.step };
}
