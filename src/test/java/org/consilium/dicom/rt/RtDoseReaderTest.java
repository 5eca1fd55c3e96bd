package org.consilium.dicom.rt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;

class RtDoseReaderTest {

    @Test
    void readsPydicomsDoseGrid() throws Exception {
        // expected values from pydicom 2.3.1: ds.pixel_array * ds.DoseGridScaling
        DoseGrid dose = RtDoseReader.read(RtCorpus.pydicom("rtdose.dcm"));
        GridGeometry g = dose.geometry();
        assertEquals(10, g.columns());
        assertEquals(10, g.rows());
        assertEquals(15, g.frames());
        assertArrayEquals(new double[] {189.43125, 199.43125, -761.87}, g.position(), 1e-9);
        assertEquals("RELATIVE", dose.units());
        assertEquals(1.249, dose.valueAt(0, 0, 0), 1e-6);
        assertEquals(1.026, dose.valueAt(5, 4, 3), 1e-6);
        assertEquals(1.254, dose.max(), 1e-6);
        double sum = 0;
        for (float v : dose.dose()) {
            sum += v;
        }
        assertEquals(1519.91, sum, 1e-3);
        // voxel centre (5, 4, 3) lies at x = 189.43125 + 50, y = 199.43125 + 40, z = -761.87 + 15
        assertEquals(1.026, dose.doseAt(239.43125, 239.43125, -746.87), 1e-6);
    }

    @Test
    void readsBigEndianDoseTheSame() throws Exception {
        DoseGrid little = RtDoseReader.read(RtCorpus.pydicom("rtdose.dcm"));
        DoseGrid big = RtDoseReader.read(new DicomReader().readFile(RtCorpus.PYDICOM.resolve("rtdose_expb.dcm")));
        assertArrayEquals(little.dose(), big.dose());
        assertEquals(little.geometry(), big.geometry());
    }

    @Test
    void readsTheSampleDose() throws Exception {
        DoseGrid dose = RtDoseReader.read(RtCorpus.sample("RTDOSE.dcm"));
        assertEquals(69, dose.geometry().columns());
        assertEquals(49, dose.geometry().rows());
        assertEquals(48, dose.geometry().frames());
        assertEquals("GY", dose.units());
        assertEquals(59.444, dose.valueAt(20, 22, 23), 1e-4); // pydicom: pixel_array[23, 22, 20] * scaling
        assertEquals(63.252, dose.max(), 1e-4);                // dicompyler-core: dosemax 63252 * 0.001
    }

    @Test
    void refusesEncapsulatedDose() throws Exception {
        DicomException e = assertThrows(DicomException.class, () -> RtDoseReader.read(RtCorpus.pydicom("rtdose_rle.dcm")));
        assertEquals(Tag.PixelData, e.tag());
    }

    @Test
    void refusesAGridWithoutOffsets() throws Exception {
        Attributes ds = RtCorpus.pydicom("rtdose.dcm");
        ds.remove(Tag.GridFrameOffsetVector);
        DicomException e = assertThrows(DicomException.class, () -> RtDoseReader.read(ds));
        assertEquals(Tag.GridFrameOffsetVector, e.tag());
    }
}
