package org.consilium.dicom.samples;

import java.util.List;

/**
 * The sample treatment plan and an analytic model of its dose: 60 Gy in 30 fractions to the PTV with five
 * coplanar 6 MV static beams at the PTV centre. Each beam deposits an equal share at the isocentre, with a
 * circular aperture that covers the PTV (logistic penumbra) and exponential attenuation along its axis; no
 * dose outside the body. Not a dose engine, but smooth, with a high-dose region shaped like the PTV and a
 * plausible low dose in the cord, which lies at the edge of the 160° beam.
 */
final class PlanDesign {

    record Beam(int number, String name, double gantryAngle) {

        /** Unit vector from the source towards the isocentre (IEC 61217 gantry angle, HFS patient). */
        double[] direction() {
            double t = Math.toRadians(gantryAngle);
            return new double[] {-Math.sin(t), Math.cos(t), 0};
        }
    }

    static final double PRESCRIPTION_GY = 60;
    static final int FRACTIONS = 30;
    static final double SOURCE_AXIS_DISTANCE = 1000;
    static final double[] ISOCENTER = {Phantom.PTV.cx(), Phantom.PTV.cy(), Phantom.PTV.cz()};
    static final List<Beam> BEAMS = List.of(
        new Beam(1, "AP", 0),
        new Beam(2, "RAO", 300),
        new Beam(3, "RPO", 240),
        new Beam(4, "PA", 200),
        new Beam(5, "LPO", 160));

    private static final double APERTURE_RADIUS = 38;
    private static final double PENUMBRA = 2.5;
    private static final double ATTENUATION = 0.005; // per mm, about 6 MV in water
    private static final double CENTRE_PROFILE = profile(0);

    /** Total plan dose in Gy at a point. */
    static double dose(double x, double y, double z) {
        if (!Phantom.BODY.contains(x, y, z)) {
            return 0;
        }
        double rx = x - ISOCENTER[0], ry = y - ISOCENTER[1], rz = z - ISOCENTER[2];
        double total = 0;
        for (Beam beam : BEAMS) {
            double[] d = beam.direction();
            double along = rx * d[0] + ry * d[1] + rz * d[2];
            double px = rx - along * d[0], py = ry - along * d[1], pz = rz - along * d[2];
            double off = Math.sqrt(px * px + py * py + pz * pz);
            total += profile(off) / CENTRE_PROFILE * Math.exp(-ATTENUATION * along);
        }
        return PRESCRIPTION_GY * total / BEAMS.size();
    }

    /** Monitor units per fraction for a beam: its share of the fraction dose, corrected for depth. */
    static double monitorUnits(Beam beam) {
        double cGyPerFraction = 100 * PRESCRIPTION_GY / FRACTIONS / BEAMS.size();
        return Math.round(cGyPerFraction * Math.exp(ATTENUATION * depthOfIsocenter(beam)) * 10) / 10.0;
    }

    /** Depth of the isocentre below the body surface along the beam axis (ray against the body ellipse). */
    static double depthOfIsocenter(Beam beam) {
        double[] d = beam.direction();
        double a = Phantom.BODY.a(), b = Phantom.BODY.b();
        // solve |(iso - s d)| on the ellipse for s > 0 (going back towards the source)
        double qa = sq(d[0] / a) + sq(d[1] / b);
        double qb = -2 * (ISOCENTER[0] * d[0] / sq(a) + ISOCENTER[1] * d[1] / sq(b));
        double qc = sq(ISOCENTER[0] / a) + sq(ISOCENTER[1] / b) - 1;
        return (-qb + Math.sqrt(qb * qb - 4 * qa * qc)) / (2 * qa);
    }

    private static double profile(double offAxis) {
        return 1 / (1 + Math.exp((offAxis - APERTURE_RADIUS) / PENUMBRA));
    }

    private static double sq(double v) {
        return v * v;
    }

    private PlanDesign() {
    }
}
