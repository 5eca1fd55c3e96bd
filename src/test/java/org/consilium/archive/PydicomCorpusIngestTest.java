package org.consilium.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.consilium.archive.dimse.DimseListener;
import org.consilium.dicom.ExternalTools;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Every file of pydicom's test corpus, as a new user would try it: those that dcmtk reads and that hold the
 * four identifying UIDs are stored by STOW-RS and by dcmtk's storescu; the rest are refused with a failure
 * naming the missing attribute, or for a file dcmtk cannot read either, the tag and offset where reading
 * failed. No 5xx and no A700 for any of them. The counts are printed (and quoted in docs/conformance.md).
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class PydicomCorpusIngestTest {

    @Inject
    DimseListener listener;

    /**
     * Each corpus file, the identifying attributes pydicom finds missing (empty when all four are there) and
     * the transfer syntax its File Meta declares, tab-separated.
     */
    private static List<String[]> corpus() {
        return ExternalTools.python("""
                import os, warnings, pydicom
                warnings.simplefilter('ignore')
                base = os.path.dirname(pydicom.__file__) + '/data/'
                keys = ('StudyInstanceUID', 'SeriesInstanceUID', 'SOPClassUID', 'SOPInstanceUID')
                for d in ('test_files', 'charset_files'):
                    for root, _, files in os.walk(base + d):
                        for f in sorted(files):
                            p = os.path.join(root, f)
                            if not f.endswith('.dcm') and 'DICOMDIR' not in f:
                                continue
                            try:
                                ds = pydicom.dcmread(p, force=True, stop_before_pixels=True)
                                missing = [k for k in keys if not str(ds.get(k, '') or '').strip()]
                            except Exception as e:
                                missing = ['unreadable']
                            ts = str(getattr(getattr(ds, 'file_meta', None), 'TransferSyntaxUID', '') or '')
                            print(p + '\\t' + ','.join(missing) + '\\t' + ts)
                """).stream().map(l -> l.split("\t", -1)).toList();
    }

    @Test
    void everyCorpusFileWithItsUidsIsStoredAndTheRestAreRefusedNamingWhatIsMissing() throws Exception {
        List<String[]> files = corpus();
        assertTrue(files.size() >= 90, "corpus has " + files.size() + " files");
        String token = Tokens.of("cx.rt");
        int complete = 0;
        int unreadable = 0;
        int stowStored = 0;
        int stowRefused = 0;
        int dimseStored = 0;
        int beyondDcmtk = 0;
        int storescuWillNotSend = 0;
        List<String> wrong = new ArrayList<>();
        for (String[] f : files) {
            Path file = Path.of(f[0]);
            String name = file.getFileName().toString();
            boolean dcmtkReads = ExternalTools.run(List.of("dcmdump", file.toString())).exitCode() == 0;
            boolean storable = dcmtkReads && f[1].isEmpty();
            complete += storable ? 1 : 0;
            unreadable += dcmtkReads ? 0 : 1;
            ExtractableResponse<Response> r = Stow.bytes(token, List.of(Files.readAllBytes(file))).extract();
            if (r.statusCode() >= 500) {
                wrong.add(name + ": STOW " + r.statusCode());
                continue;
            }
            JsonPath json = new JsonPath(r.asString());
            Integer reason = json.get("'00081198'.Value[0].'00081197'.Value[0]");
            String text = json.get("'00081198'.Value[0].'0040A160'.Value[0]");
            if (reason == null) {
                stowStored++;
                beyondDcmtk += dcmtkReads ? 0 : 1;
                if (!f[1].isEmpty()) {
                    wrong.add(name + ": stored by STOW though it lacks " + f[1]);
                }
            } else {
                stowRefused++;
                boolean named = text != null && (text.contains(f[1].split(",")[0])
                        || text.contains(" at tag ") && text.contains(" at offset "));
                if (storable || reason == 0xA700 || !named) {
                    wrong.add(name + ": STOW refused " + Integer.toHexString(reason) + " " + text);
                }
            }
            if (storable) {
                String response = storescu(file, f.length > 2 ? f[2] : "");
                if (response.startsWith("Success") || response.startsWith("Warning")) {
                    dimseStored++;
                } else if (response.startsWith("not sent") && !response.contains("Requesting Association")) {
                    storescuWillNotSend++; // e.g. rtdose_rle.dcm, whose UIDs are encoded as UN
                } else {
                    wrong.add(name + ": C-STORE " + response);
                }
            }
        }
        System.out.printf("pydicom corpus: %d files; %d that dcmtk reads with the four UIDs, %d that dcmtk cannot"
                + " read; STOW-RS stored %d (%d of them beyond what dcmtk reads) and refused %d, none with a 5xx or"
                + " A700; dcmtk storescu stored %d of %d (it will not send %d)%n", files.size(), complete, unreadable,
                stowStored, beyondDcmtk, stowRefused, dimseStored, complete, storescuWillNotSend);
        assertEquals(List.of(), wrong);
        assertEquals(complete, stowStored - beyondDcmtk);
        assertEquals(complete - storescuWillNotSend, dimseStored);
    }

    /** What storescu heard back: "Success", "Warning: ...", "Error: ..." or its own failure. */
    private String storescu(Path file, String transferSyntax) throws Exception {
        Dcmtk.Result r = Dcmtk.run("storescu", "-v", "-R", proposing(transferSyntax), "-aet", "CHANGXING_PACS",
                "-aec", "CONSILIUM", "localhost", String.valueOf(listener.port()), file.toString());
        String marker = "Received Store Response (";
        int at = r.output().indexOf(marker);
        return at < 0 ? "not sent: " + r.output() : r.output().substring(at + marker.length(),
                r.output().indexOf(')', at));
    }

    /** storescu's option that proposes the file's own transfer syntax, so that it is sent as stored. */
    private static String proposing(String transferSyntax) {
        return switch (transferSyntax) {
            case "1.2.840.10008.1.2.4.50" -> "-xy";
            case "1.2.840.10008.1.2.4.51" -> "-xx";
            case "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70" -> "-xs";
            case "1.2.840.10008.1.2.4.80" -> "-xt";
            case "1.2.840.10008.1.2.4.81" -> "-xu";
            case "1.2.840.10008.1.2.4.90" -> "-xv";
            case "1.2.840.10008.1.2.4.91" -> "-xw";
            case "1.2.840.10008.1.2.5" -> "-xr";
            case "1.2.840.10008.1.2.1.99" -> "-xd";
            default -> "-x=";
        };
    }
}
