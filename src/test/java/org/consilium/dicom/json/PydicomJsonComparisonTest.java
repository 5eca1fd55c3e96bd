package org.consilium.dicom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.consilium.dicom.ExternalTools;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our DICOM JSON against pydicom's (Debian python3-pydicom 2.3.1), both ways, on CT, MR, RT, SR, waveform
 * and character set files of its corpus and on our samples: pydicom reads the JSON we write into the same
 * values it reads from the file, and we read the JSON pydicom writes into the same values we read from the
 * file. Binary values (OB, OW, UN...) are left out, being bulk data on one side; DS and IS compare as numbers,
 * since pydicom writes them through a float ({@code 0.50} becomes {@code 0.5}); FL as 32-bit floats; a
 * private element that pydicom's private dictionary types and we read as UN is left out too.
 */
class PydicomJsonComparisonTest {

    static final List<String> CORPUS = List.of("test_files/CT_small.dcm", "test_files/MR_small.dcm",
        "test_files/MR_small_bigendian.dcm", "test_files/rtplan.dcm", "test_files/rtstruct.dcm",
        "test_files/rtdose.dcm", "test_files/test-SR.dcm", "test_files/reportsi.dcm", "test_files/waveform_ecg.dcm",
        "charset_files/chrH31.dcm", "charset_files/chrJapMulti.dcm", "charset_files/chrKoreanMulti.dcm",
        "charset_files/chrSQEncoding.dcm", "charset_files/chrX1.dcm", "charset_files/chrX2.dcm",
        "charset_files/chrGreek.dcm", "charset_files/chrRuss.dcm", "charset_files/chrArab.dcm");

    /** The same comparison as {@link #sameValues}, in Python over pydicom's datasets. */
    private static final String PYTHON = """
        import struct, sys, warnings, pydicom
        from pydicom.dataset import Dataset
        from pydicom.multival import MultiValue
        warnings.simplefilter('ignore')
        BINARY = {'OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'UN', 'OB or OW', 'US or OW', 'US or SS or OW'}
        def values(el):
            v = el.value
            v = list(v) if isinstance(v, (MultiValue, list)) else ([] if v is None or v == '' else [v])
            if el.VR in ('DS', 'IS', 'FD'):
                return [None if x in ('', None) else float(x) for x in v]
            if el.VR == 'FL':  # pydicom holds a float read from JSON as a double; the file holds 32 bits
                return [struct.unpack('<f', struct.pack('<f', float(x)))[0] for x in v]
            return [str(x) for x in v]
        def compare(a, b, where, out):
            for el in a:
                if el.tag.element == 0 or el.VR in BINARY or (el.tag in b and b[el.tag].VR in BINARY):
                    continue  # the second: private, in pydicom's private dictionary, UN to us
                if el.tag not in b:
                    out.append(where + str(el.tag) + ' missing')
                elif el.VR == 'SQ':
                    if len(el.value) != len(b[el.tag].value):
                        out.append(where + str(el.tag) + ' item count')
                    for k, (x, y) in enumerate(zip(el.value, b[el.tag].value)):
                        compare(x, y, where + str(el.tag) + '[' + str(k) + '].', out)
                elif values(el) != values(b[el.tag]):
                    out.append(where + str(el.tag) + ' ' + repr(values(el)) + ' != ' + repr(values(b[el.tag])))
            for el in b:
                if el.tag.element != 0 and el.VR not in BINARY and el.tag not in a:
                    out.append(where + str(el.tag) + ' extra')
        for line in sys.stdin.read().splitlines():
            dcm, ours, theirs = line.split('\\t')
            ds = pydicom.dcmread(dcm, force=True)
            with open(theirs, 'w', encoding='utf-8') as f:
                f.write(ds.to_json(bulk_data_threshold=1024, bulk_data_element_handler=lambda el: 'bulk'))
            with open(ours, encoding='utf-8') as f:
                back = Dataset.from_json(f.read(), bulk_data_uri_handler=lambda tag, vr, uri: b'')
            out = []
            compare(ds, back, '', out)
            for o in out:
                print(dcm + ': ' + o)
        """;

    @Test
    void pydicomReadsOurJsonAndWeReadPydicomsIntoTheValuesOfTheFile(@TempDir Path dir) throws Exception {
        ExternalTools.requirePydicom();
        List<Path> files = new ArrayList<>();
        CORPUS.forEach(f -> files.add(ExternalTools.PYDICOM_DATA.resolve(f)));
        try (Stream<Path> s = Files.walk(Path.of("dicom-samples"))) {
            s.filter(p -> p.toString().endsWith(".dcm")).sorted().limit(12).forEach(files::add);
        }
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            Attributes read = new DicomReader().readFile(files.get(i)).dataset();
            try (OutputStream out = Files.newOutputStream(dir.resolve(i + ".ours.json"))) {
                new DicomJsonWriter(out).withBulkDataUris(e -> "bulk").write(read).flush();
            }
            list.append(files.get(i)).append('\t').append(dir.resolve(i + ".ours.json")).append('\t')
                .append(dir.resolve(i + ".pydicom.json")).append('\n');
        }
        Path input = dir.resolve("files.tsv");
        Files.writeString(input, list);
        ExternalTools.Result r = ExternalTools.run(List.of("sh", "-c",
            ExternalTools.PYTHON + " -c \"$0\" < \"$1\"", PYTHON, input.toString()));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals("", r.output(), "pydicom reads different values from our JSON than from the file");

        List<String> differences = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Attributes fromFile = new DicomReader().readFile(files.get(i)).dataset();
            Attributes fromPydicom = new DicomJsonReader().withBulkDataResolver(BulkDataResolver.OMIT)
                .readDataset(new StringReader(Files.readString(dir.resolve(i + ".pydicom.json"))));
            sameValues(fromFile, fromPydicom, files.get(i) + ": ", differences);
        }
        assertTrue(files.size() >= 25, "compared " + files.size() + " files");
        assertEquals(List.of(), differences, "we read different values from pydicom's JSON than from the file");
    }

    private static void sameValues(Attributes a, Attributes b, String where, List<String> out) {
        for (int i = 0; i < a.size(); i++) {
            int tag = a.tagAt(i);
            if (Tag.isGroupLength(tag) || DicomJsonWriter.isInlineBinaryVr(a.vrAt(i))) {
                continue;
            }
            String at = where + Tag.toString(tag);
            if (!b.contains(tag)) {
                out.add(at + " missing");
            } else if (a.valueAt(i) instanceof Sequence items) {
                Sequence other = b.getSequence(tag);
                if (other == null || other.size() != items.size()) {
                    out.add(at + " item count");
                    continue;
                }
                for (int k = 0; k < items.size(); k++) {
                    sameValues(items.get(k), other.get(k), at + "[" + k + "].", out);
                }
            } else if (!Arrays.equals(values(a.vrAt(i), a.stringsAt(i)), values(a.vrAt(i), b.getStrings(tag)))) {
                out.add(at + " " + Arrays.toString(a.stringsAt(i)) + " != " + Arrays.toString(b.getStrings(tag)));
            }
        }
        for (int i = 0; i < b.size(); i++) {
            if (!DicomJsonWriter.isInlineBinaryVr(b.vrAt(i)) && !a.contains(b.tagAt(i))) {
                out.add(where + Tag.toString(b.tagAt(i)) + " extra");
            }
        }
    }

    private static Object[] values(VR vr, String[] strings) {
        return switch (vr) {
            case DS, IS -> Arrays.stream(strings).map(s -> s.isBlank() ? null : Double.valueOf(s.trim())).toArray();
            // pydicom leaves an empty last group out of its JSON; "A=B=" and "A=B" are the same name (PS3.5 6.2.1)
            case PN -> Arrays.stream(strings).map(s -> s.replaceAll("=+$", "")).toArray();
            default -> strings;
        };
    }
}
