package org.consilium.dicom.samples;

import java.util.ArrayList;
import java.util.List;

import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.rt.Contour;
import org.consilium.dicom.rt.ReferencedSeries;
import org.consilium.dicom.rt.Roi;
import org.consilium.dicom.rt.SopRef;
import org.consilium.dicom.rt.StructureSet;

/** Contours of the phantom's structures on every CT slice they cross, as a {@link StructureSet}. */
final class PhantomContours {

    /** About one polygon vertex every 4 mm of perimeter. */
    static final double VERTEX_SPACING = 4;
    /** Sections smaller than this (semi-axis, mm) are too small to draw and are left out. */
    static final double MIN_SEMI_AXIS = 1;

    private PhantomContours() {}

    static StructureSet structureSet(List<Phantom.Structure> structures, List<Attributes> ctSlices, String label,
                                     String description) {
        Attributes first = ctSlices.get(0);
        List<SopRef> images = ctSlices.stream().map(PhantomContours::ref).toList();
        List<Roi> rois = new ArrayList<>();
        int number = 1;
        for (Phantom.Structure s : structures) {
            rois.add(new Roi(number++, s.name(), s.color(), s.interpretedType(), "MANUAL", contours(s.shape(), ctSlices)));
        }
        return new StructureSet(label, label, description, first.getString(Tag.FrameOfReferenceUID),
            new ReferencedSeries(first.getString(Tag.StudyInstanceUID), first.getString(Tag.SeriesInstanceUID), images),
            rois);
    }

    private static List<Contour> contours(Solid shape, List<Attributes> ctSlices) {
        List<Contour> out = new ArrayList<>();
        for (Attributes slice : ctSlices) {
            double z = slice.getDoubles(Tag.ImagePositionPatient)[2];
            Solid.Ellipse e = shape.section(z);
            if (e == null || Math.min(e.a(), e.b()) < MIN_SEMI_AXIS) {
                continue;
            }
            double[] xy = e.polygon(VERTEX_SPACING);
            double[] xyz = new double[xy.length / 2 * 3];
            for (int i = 0; i < xy.length / 2; i++) {
                xyz[3 * i] = round(xy[2 * i]);
                xyz[3 * i + 1] = round(xy[2 * i + 1]);
                xyz[3 * i + 2] = z;
            }
            out.add(new Contour(Contour.CLOSED_PLANAR, xyz, List.of(ref(slice))));
        }
        return out;
    }

    /** To 0.01 mm, so that the DS text is short and exactly reproducible. */
    static double round(double v) {
        double r = Math.round(v * 100) / 100.0;
        return r == 0 ? 0 : r; // no "-0.0"
    }

    static SopRef ref(Attributes instance) {
        return new SopRef(instance.getString(Tag.SOPClassUID), instance.getString(Tag.SOPInstanceUID));
    }
}
