import { t } from '../shell/i18n';
import { colorOf, groupOf, type Roi, type RoiGroup } from './geometry';
import type { Lease } from './reviewState';

export interface RoiPanelProps {
  rois: Roi[];
  hidden: Record<number, boolean>;
  onToggle: (roi: number) => void;
  onJump: (roi: Roi) => void;
  /** who last edited each ROI in the room, and how many of its planes the room has touched */
  edits?: Record<number, { by: string; planes: number }>;
  /** absent when the shown contours cannot be edited (a past revision) */
  editing?: {
    me: string;
    leaseOf: (roi: number) => Lease | undefined;
    onTake: (roi: Roi) => void;
    onRelease: (roi: Roi) => void;
  };
}

const GROUPS: RoiGroup[] = ['target', 'oar', 'other'];

/** The ROI list grouped into targets and organs at risk: show or hide each, jump to it, take it for editing. */
export function RoiPanel(props: RoiPanelProps) {
  return (
    <section class="card" aria-labelledby="rois-title">
      <h2 id="rois-title">{t('rt.rois')}</h2>
      {GROUPS.map((g) => {
        const rois = props.rois.filter((r) => groupOf(r) === g);
        if (rois.length === 0) return null;
        return (
          <div key={g}>
            <h3>{t(`rt.group.${g}`)}</h3>
            <ul class="roilist" aria-label={t(`rt.group.${g}`)}>
              {rois.map((roi) => {
                const lease = props.editing?.leaseOf(roi.number);
                const mine = lease && lease.userId === props.editing?.me;
                return (
                  <li key={roi.number}>
                    <span class="swatch" style={{ background: colorOf(roi) }} aria-hidden="true" />
                    <label class="check">
                      <input type="checkbox" checked={!props.hidden[roi.number]} onChange={() => props.onToggle(roi.number)} />
                      {roi.name}
                    </label>
                    <button type="button" class="link" aria-label={t('rt.jumpTo', { roi: roi.name })} onClick={() => props.onJump(roi)}>
                      {t('rt.jump')}
                    </button>
                    {props.editing && (mine
                      ? <button type="button" onClick={() => props.editing!.onRelease(roi)}>{t('rt.releaseNamed', { roi: roi.name })}</button>
                      : <button type="button" disabled={!!lease} onClick={() => props.editing!.onTake(roi)}>
                          {t('rt.editNamed', { roi: roi.name })}
                        </button>)}
                    {lease && !mine && <span class="holder" role="status">{t('rt.heldBy', { name: lease.displayName })}</span>}
                    {props.edits?.[roi.number] && (
                      <span class="muted">{t('rt.editedBy', { name: props.edits[roi.number].by, n: props.edits[roi.number].planes })}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
