package org.consilium.dicom.samples;

import java.util.List;

import org.consilium.dicom.samples.Solid.Ellipsoid;
import org.consilium.dicom.samples.Solid.EllipticCylinder;

/**
 * The analytic thorax of the sample study: an elliptic body with a fat layer, two lungs, a heart, a vertebra
 * around the spinal cord, and a tumour in the right lung with its CTV and PTV margins. Patient coordinates
 * (LPS, mm) for a head-first supine patient: +x to the patient's left, +y posterior, +z towards the head.
 * Shapes are ellipsoids and elliptic cylinders, so the contours on any axial slice are exact ellipses.
 */
final class Phantom {

    /** One delineated structure of the RTSTRUCT. */
    record Structure(String name, String interpretedType, int[] color, Solid shape) {
    }

    static final double Z_EXTENT = 150;

    static final EllipticCylinder BODY = new EllipticCylinder(0, 0, 170, 120, -Z_EXTENT, Z_EXTENT);
    static final EllipticCylinder BODY_MUSCLE = new EllipticCylinder(0, 0, 158, 108, -Z_EXTENT, Z_EXTENT);
    static final Ellipsoid LUNG_R = new Ellipsoid(-80, -5, 5, 50, 75, 105);
    static final Ellipsoid LUNG_L = new Ellipsoid(88, -5, 10, 42, 72, 100);
    static final Ellipsoid HEART = new Ellipsoid(5, -30, -50, 35, 36, 42);
    static final EllipticCylinder CORD = new EllipticCylinder(0, 88, 6, 6, -Z_EXTENT, Z_EXTENT);
    static final EllipticCylinder SPINAL_CANAL = new EllipticCylinder(0, 88, 8, 8, -Z_EXTENT, Z_EXTENT);
    static final EllipticCylinder VERTEBRAL_ARCH = new EllipticCylinder(0, 88, 17, 16, -Z_EXTENT, Z_EXTENT);
    static final EllipticCylinder VERTEBRAL_BODY = new EllipticCylinder(0, 60, 17, 14, -Z_EXTENT, Z_EXTENT);
    static final Ellipsoid GTV = new Ellipsoid(-72, -12, 22, 17, 15, 13);
    static final Ellipsoid CTV = GTV.grown(8);
    static final Ellipsoid PTV = CTV.grown(5);

    /** The expert's revision: PTV grown 3 mm and moved 2 mm posterior, cord widened to a 7.5 mm radius. */
    static final Ellipsoid PTV_REVISED = new Ellipsoid(-72, -10, 22, 33, 31, 29);
    static final EllipticCylinder CORD_REVISED = new EllipticCylinder(0, 88.5, 7.5, 7.5, -Z_EXTENT, Z_EXTENT);

    /** The planning structures, in ROI number order. */
    static List<Structure> structures() {
        return List.of(
            new Structure("BODY", "EXTERNAL", new int[] {0, 255, 0}, BODY),
            new Structure("LUNG_L", "ORGAN", new int[] {0, 128, 255}, LUNG_L),
            new Structure("LUNG_R", "ORGAN", new int[] {0, 200, 255}, LUNG_R),
            new Structure("SPINALCORD", "ORGAN", new int[] {255, 255, 0}, CORD),
            new Structure("HEART", "ORGAN", new int[] {255, 0, 128}, HEART),
            new Structure("GTV", "GTV", new int[] {255, 0, 0}, GTV),
            new Structure("CTV", "CTV", new int[] {255, 128, 0}, CTV),
            new Structure("PTV", "PTV", new int[] {255, 0, 255}, PTV));
    }

    /** The structures of the expert revision: the same list with PTV and SPINALCORD edited. */
    static List<Structure> revisedStructures() {
        return structures().stream().map(s -> switch (s.name()) {
            case "PTV" -> new Structure(s.name(), s.interpretedType(), s.color(), PTV_REVISED);
            case "SPINALCORD" -> new Structure(s.name(), s.interpretedType(), s.color(), CORD_REVISED);
            default -> s;
        }).toList();
    }

    /** CT number (HU) at a point; inner structures take precedence over the ones around them. */
    static double hounsfield(double x, double y, double z) {
        if (!BODY.contains(x, y, z)) {
            return -1000;
        }
        if (GTV.contains(x, y, z)) {
            return 35;
        }
        if (CORD.contains(x, y, z)) {
            return 30;
        }
        if (SPINAL_CANAL.contains(x, y, z)) {
            return 10; // cerebrospinal fluid around the cord
        }
        if (VERTEBRAL_ARCH.contains(x, y, z) || VERTEBRAL_BODY.contains(x, y, z)) {
            return 650;
        }
        if (LUNG_R.contains(x, y, z) || LUNG_L.contains(x, y, z)) {
            return -820;
        }
        if (HEART.contains(x, y, z)) {
            return 45;
        }
        return BODY_MUSCLE.contains(x, y, z) ? 40 : -100;
    }

    private Phantom() {
    }
}
