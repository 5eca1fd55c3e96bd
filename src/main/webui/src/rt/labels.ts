import { t, type Key } from '../shell/i18n';

export const SUBMISSION_STATES = ['AWAITING_OBJECTS', 'BLOCKED', 'AWAITING_REVIEW', 'RETURNED', 'APPROVED'] as const;
export const SITES = ['lung', 'lung-sbrt', 'head-neck', 'nasopharynx', 'cervix', 'breast', 'rectum', 'oesophagus'] as const;
export const TECHNIQUES = ['3DCRT', 'IMRT', 'VMAT', 'SBRT', 'TOMO', 'OTHER'] as const;
export const CHANGE_CATEGORIES = ['TARGET_COVERAGE', 'OAR_DELINEATION', 'PRESCRIPTION', 'DOSE_CONSTRAINTS', 'OTHER'] as const;

export const rtStateLabel = (s: string | undefined) => (s ? t(`rt.state.${s}` as Key) : '');
export const siteLabel = (s: string | undefined) => (s && (SITES as readonly string[]).includes(s) ? t(`rt.site.${s}` as Key) : s ?? '');
export const categoryLabel = (c: string) => t(`rt.category.${c}` as Key);

/** "肺癌 · 60 Gy / 30 次": how a plan is named in lists and headings (a submission carries no patient name). */
export function planTitle(s: { diseaseSite?: string; prescription?: { totalDoseGy: number; fractions: number } }): string {
  const rx = s.prescription ? t('rt.prescriptionShort', { dose: s.prescription.totalDoseGy, fractions: s.prescription.fractions }) : '';
  return [siteLabel(s.diseaseSite), rx].filter(Boolean).join(' · ');
}

/** How many errors and warnings a consistency report has. */
export function findingCounts(findings: { severity?: string }[] | undefined): { errors: number; warnings: number } {
  const list = findings ?? [];
  return { errors: list.filter((f) => f.severity === 'ERROR').length, warnings: list.filter((f) => f.severity === 'WARNING').length };
}

/** Seconds since an instant, for a running clock (the queue's wait since the plan became reviewable). */
export function secondsSince(iso: string | undefined | null, now = Date.now()): number | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((now - at) / 1000));
}
