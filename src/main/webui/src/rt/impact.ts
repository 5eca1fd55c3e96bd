import type { Schemas } from '../api/client';

type ConstraintResult = Schemas['ConstraintResult'];

/** One constraint of a revision beside the same constraint of another (the county's), and the change between them. */
export interface ConstraintImpact {
  result: ConstraintResult;
  other?: ConstraintResult;
  /** this revision's value minus the other's, in the constraint's unit */
  change?: number;
  /** pass turned into fail or back */
  outcomeChanged: boolean;
}

const key = (c: ConstraintResult) => `${c.constraint ?? ''}|${c.roi ?? ''}`;

/**
 * The dose impact of one revision's contours against another's: each constraint of the template matched by
 * constraint and ROI (not by position: a revision may lack an ROI the other has), with the change of its value.
 */
export function constraintImpact(mine: ConstraintResult[], theirs: ConstraintResult[] | undefined): ConstraintImpact[] {
  const byKey = new Map((theirs ?? []).map((c) => [key(c), c]));
  return mine.map((result) => {
    const other = byKey.get(key(result));
    const change = other && result.value != null && other.value != null ? result.value - other.value : undefined;
    const outcomeChanged = !!other && other.outcome !== result.outcome;
    return { result, other, change, outcomeChanged };
  });
}
