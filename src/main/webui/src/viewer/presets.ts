/** CT window presets (width, level in HU), as radiologists name them. */
export const CT_PRESETS = {
  lung: { width: 1500, level: -600 },
  mediastinum: { width: 350, level: 50 },
  bone: { width: 2000, level: 300 },
  brain: { width: 80, level: 40 },
} as const;

export type PresetName = keyof typeof CT_PRESETS;

/** The VOI range cornerstone wants for a window: [level − width/2, level + width/2]. */
export function voiRange(width: number, level: number): { lower: number; upper: number } {
  return { lower: level - width / 2, upper: level + width / 2 };
}

/** Width and level back from a VOI range. */
export function windowOf(range: { lower: number; upper: number }): { width: number; level: number } {
  return { width: range.upper - range.lower, level: (range.upper + range.lower) / 2 };
}
