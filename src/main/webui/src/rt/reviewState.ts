import type { RoomEvent } from '../live/roomState';
import { EMPTY_CONTOURS, planeKey, type RoomContours } from './geometry';

/**
 * What the review room adds to the live room's state, built only from its events in seq order
 * (docs/live-protocol.md): the contour edits (contour.edited) and who holds which ROI's lease
 * (lease.granted, lease.released).
 */
export interface Lease { userId: string; displayName: string; expiresAt?: string }

export interface ReviewState {
  seq: number;
  contours: RoomContours;
  leases: Record<string, Lease>;
  /** the seq of the last contour edit per ROI, and who made it */
  editedAt: Record<number, number>;
  editedBy: Record<number, string>;
}

export const EMPTY_REVIEW: ReviewState = { seq: 0, contours: EMPTY_CONTOURS, leases: {}, editedAt: {}, editedBy: {} };

interface Edit {
  action?: string;
  roiNumber?: number;
  polygonId?: string;
  plane?: { z?: number; sopInstanceUid?: string };
  points?: number[][];
}

export function applyReviewEvent(state: ReviewState, seq: number, event: RoomEvent): ReviewState {
  if (seq <= state.seq) return state;
  const data = event.data ?? {};
  const next = { ...state, seq };
  switch (event.type) {
    case 'contour.edited': {
      const edit = (data.edit ?? {}) as Edit;
      if (typeof edit.roiNumber === 'number' && typeof edit.polygonId === 'string') {
        next.contours = applyEdit(state.contours, edit, event.actor?.displayName);
        next.editedAt = { ...state.editedAt, [edit.roiNumber]: seq };
        next.editedBy = { ...state.editedBy, [edit.roiNumber]: event.actor?.displayName ?? event.actor?.userId ?? '' };
      }
      break;
    }
    case 'lease.granted':
      if (typeof data.target === 'string' && event.actor) {
        next.leases = { ...state.leases, [data.target]: {
          userId: event.actor.userId, displayName: event.actor.displayName ?? event.actor.userId,
          expiresAt: typeof data.expiresAt === 'string' ? data.expiresAt : undefined,
        } };
      }
      break;
    case 'lease.released':
      if (typeof data.target === 'string') {
        const { [data.target]: _gone, ...rest } = state.leases;
        void _gone;
        next.leases = rest;
      }
      break;
    default:
      break;
  }
  return next;
}

function applyEdit(room: RoomContours, edit: Edit, by?: string): RoomContours {
  const roi = edit.roiNumber!;
  const id = edit.polygonId!;
  const polygons = { ...room.polygons };
  const touched = { ...room.touched, [roi]: { ...(room.touched[roi] ?? {}) } };
  const old = polygons[id];
  if (old) touched[roi][planeKey(old.z)] = true;
  if (edit.action === 'delete') {
    delete polygons[id];
  } else {
    const z = edit.plane?.z ?? edit.points?.[0]?.[2] ?? old?.z ?? 0;
    polygons[id] = {
      roi, z, sopInstanceUid: edit.plane?.sopInstanceUid ?? old?.sopInstanceUid,
      points: (edit.points ?? []).flat(), by,
    };
    touched[roi][planeKey(z)] = true;
  }
  return { polygons, touched };
}

/** The lease on an ROI, unless it has expired by {@code now}. */
export function leaseOn(state: ReviewState, roi: number, now = Date.now()): Lease | undefined {
  const lease = state.leases[`roi:${roi}`];
  if (!lease) return undefined;
  if (lease.expiresAt && Date.parse(lease.expiresAt) < now) return undefined;
  return lease;
}

/** The room's polygon ids of an ROI on the plane at z (to empty a plane: delete each). */
export function polygonsOnPlane(state: ReviewState, roi: number, z: number): string[] {
  const key = planeKey(z);
  return Object.entries(state.contours.polygons)
    .filter(([, p]) => p.roi === roi && planeKey(p.z) === key).map(([id]) => id);
}
