package org.consilium.dicom.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.net.association.AssociationInfo;
import org.consilium.dicom.net.association.ConnectOptions;
import org.consilium.dicom.net.dimse.FindHandler;
import org.consilium.dicom.net.dimse.FindRequest;
import org.consilium.dicom.net.dimse.FindResponder;
import org.consilium.dicom.net.dimse.GetHandler;
import org.consilium.dicom.net.dimse.GetResponder;
import org.consilium.dicom.net.dimse.MoveHandler;
import org.consilium.dicom.net.dimse.Part10File;
import org.consilium.dicom.net.dimse.RetrieveRequest;
import org.consilium.dicom.net.dimse.Status;
import org.consilium.dicom.net.dimse.StoreScu;
import org.consilium.dicom.net.dimse.SubOperations;

/**
 * A tiny in-memory index over Part 10 files, standing in for the archive in these tests: just enough
 * matching (single value, * and ? wildcards, universal) to exercise the DIMSE plumbing.
 */
public final class MemoryArchive implements FindHandler, MoveHandler, GetHandler {

    record Entry(Attributes dataset, Path file) {}

    final List<Entry> entries = new ArrayList<>();
    public final Map<String, Integer> destinations = new LinkedHashMap<>();
    public volatile int pendingSent;
    public volatile boolean sawCancel;
    public IntFunction<Attributes> synthetic; // for the cancel test: endless matches

    public MemoryArchive add(List<Path> files) throws IOException, DicomException {
        for (Path f : files) {
            entries.add(new Entry(new DicomReader(DicomReader.Options.DEFAULT.withStopBeforePixelData(true))
                    .readFile(f).dataset(), f));
        }
        return this;
    }

    @Override
    public Status find(AssociationInfo association, FindRequest rq, Attributes keys, FindResponder out) throws Exception {
        if (synthetic != null) {
            for (int i = 0; i < 10_000; i++) {
                Thread.sleep(2);
                if (!out.pending(synthetic.apply(i))) {
                    sawCancel = true;
                    return Status.OK;
                }
                pendingSent++;
            }
            return Status.OK;
        }
        int levelKey = levelKey(keys.getString(Tag.QueryRetrieveLevel, ""));
        if (levelKey == 0) {
            return Status.of(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "bad Query/Retrieve Level");
        }
        Map<String, Attributes> matches = new LinkedHashMap<>();
        for (Entry e : matching(keys)) {
            matches.computeIfAbsent(e.dataset().getString(levelKey), k -> response(keys, e.dataset()));
        }
        for (Attributes m : matches.values()) {
            if (!out.pending(m)) {
                break;
            }
        }
        return Status.OK;
    }

    @Override
    public Status move(AssociationInfo association, RetrieveRequest rq, Attributes keys, SubOperations progress)
            throws Exception {
        Integer port = destinations.get(rq.moveDestination());
        if (port == null) {
            return Status.of(Status.MOVE_DESTINATION_UNKNOWN, rq.moveDestination());
        }
        List<Path> files = matching(keys).stream().map(Entry::file).toList();
        progress.remaining(files.size());
        if (files.isEmpty()) {
            return Status.OK;
        }
        try (StoreScu scu = StoreScu.open(ConnectOptions.of("127.0.0.1", port, association.calledAe(),
                rq.moveDestination()), files)) {
            for (Path f : files) {
                Status s = scu.store(f, progress.originatorAe(), progress.messageId());
                if (!progress.record(Part10File.read(f).sopInstanceUid(), s)) {
                    break;
                }
            }
        }
        return Status.OK;
    }

    @Override
    public Status get(AssociationInfo association, RetrieveRequest rq, Attributes keys, GetResponder out) throws Exception {
        List<Entry> found = matching(keys);
        out.remaining(found.size());
        for (Entry e : found) {
            out.store(e.file());
            if (out.cancelled()) {
                break;
            }
        }
        return Status.OK;
    }

    List<Entry> matching(Attributes keys) {
        List<Entry> found = new ArrayList<>();
        for (Entry e : entries) {
            if (matches(keys, e.dataset(), Tag.PatientName) && matches(keys, e.dataset(), Tag.PatientID)
                    && matches(keys, e.dataset(), Tag.StudyInstanceUID) && matches(keys, e.dataset(), Tag.SeriesInstanceUID)
                    && matches(keys, e.dataset(), Tag.SOPInstanceUID)) {
                found.add(e);
            }
        }
        return found;
    }

    private static boolean matches(Attributes keys, Attributes ds, int tag) {
        String key = keys.getString(tag);
        if (key == null || key.equals("*")) {
            return true;
        }
        String value = ds.getString(tag, "");
        String regex = "\\Q" + key.replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q") + "\\E";
        return java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.CASE_INSENSITIVE
                | java.util.regex.Pattern.UNICODE_CASE).matcher(value).matches();
    }

    private static int levelKey(String level) {
        return switch (level) {
            case "PATIENT" -> Tag.PatientID;
            case "STUDY" -> Tag.StudyInstanceUID;
            case "SERIES" -> Tag.SeriesInstanceUID;
            case "IMAGE" -> Tag.SOPInstanceUID;
            default -> 0;
        };
    }

    /** The requested keys, filled from the instance; text stays in the instance's own character set. */
    private static Attributes response(Attributes keys, Attributes ds) {
        Attributes r = new Attributes();
        Object charset = ds.getValue(Tag.SpecificCharacterSet);
        if (charset != null) {
            r.setValue(Tag.SpecificCharacterSet, VR.CS, charset);
        }
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (tag == Tag.SpecificCharacterSet) {
                continue;
            }
            Object v = ds.getValue(tag);
            if (tag == Tag.QueryRetrieveLevel) {
                r.setValue(tag, VR.CS, keys.valueAt(i));
            } else if (v != null) {
                r.setValue(tag, ds.vrOf(tag), v);
            } else {
                r.setValue(tag, keys.vrAt(i), new byte[0]);
            }
        }
        return r;
    }
}
