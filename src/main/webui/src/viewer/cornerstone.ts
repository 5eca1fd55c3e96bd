import { init as coreInit } from '@cornerstonejs/core';
import { init as loaderInit } from '@cornerstonejs/dicom-image-loader';
import {
  AngleTool, ArrowAnnotateTool, EllipticalROITool, LabelTool, LengthTool, PanTool, PlanarFreehandROITool, StackScrollTool,
  WindowLevelTool, ZoomTool, addTool, init as toolsInit,
} from '@cornerstonejs/tools';
import { accessToken } from '../shell/auth';

let ready: Promise<void> | null = null;

export const MEASUREMENT_TOOLS = [LengthTool, AngleTool, EllipticalROITool, PlanarFreehandROITool, ArrowAnnotateTool, LabelTool];
export const NAVIGATION_TOOLS = [WindowLevelTool, PanTool, ZoomTool, StackScrollTool];

/**
 * cornerstone3D once per page: the core (WebGL, or the CPU where there is none), the DICOM image loader
 * reading our DICOMweb with the user's bearer token (refreshed tokens included: it is read per request),
 * and the tools registered once.
 */
export function initCornerstone(): Promise<void> {
  ready ??= (async () => {
    coreInit();
    loaderInit({
      maxWebWorkers: 1,
      beforeSend: () => ({ Authorization: `Bearer ${accessToken() ?? ''}` }),
    });
    toolsInit();
    for (const tool of [...NAVIGATION_TOOLS, ...MEASUREMENT_TOOLS]) addTool(tool);
  })();
  return ready;
}
