package org.consilium.archive.deid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.consilium.archive.DeidentificationRefusedException;
import org.consilium.archive.IngestException;
import org.consilium.archive.InstanceRecord;
import org.consilium.archive.StudyDeidentification;
import org.consilium.archive.StudyRecords;
import org.consilium.archive.store.Ingest;
import org.consilium.archive.store.IngestSource;
import org.consilium.audit.AuditActor;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.deid.BurnedInAnnotationException;
import org.consilium.dicom.deid.DeidOptions;
import org.consilium.dicom.deid.Deidentifier;
import org.consilium.dicom.deid.Pseudonym;
import org.consilium.dicom.deid.StudyMapping;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.io.DicomFile;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.io.DicomWriter;

/**
 * De-identifies in two passes over temporary files: first every instance is read from the blob store (large
 * values such as Pixel Data stay in the file), de-identified and written out, so that a refused instance leaves
 * nothing stored; then each result is ingested like any STOW part. Memory holds one instance's header at a time.
 */
@ApplicationScoped
public class ArchiveStudyDeidentification implements StudyDeidentification {

    @Inject
    StudyRecords records;
    @Inject
    Ingest ingest;
    @Inject
    AuditLog audit;

    @Override
    public DeidentifiedStudy deidentify(String studyUid, UUID hospitalId, String pseudonymId, String pseudonymName,
                                        Options options, AuditActor actor)
            throws DeidentificationRefusedException, IngestException, IOException {
        return deidentifyTogether(List.of(studyUid), Set.of(), hospitalId, pseudonymId, pseudonymName, options, actor)
                .studies().get(0);
    }

    @Override
    public Batch deidentifyTogether(List<String> studyUids, Set<String> modalities, UUID hospitalId,
                                    String pseudonymId, String pseudonymName, Options options, AuditActor actor)
            throws DeidentificationRefusedException, IngestException, IOException {
        Pseudonym pseudonym = new Pseudonym(pseudonymId, pseudonymName);
        DeidOptions deidOptions = new DeidOptions(options.retainLongitudinalModifiedDates(), options.cleanDescriptors(),
                options.retainPrivate(), options.acceptBurnedInAnnotation());
        StudyMapping mapping = StudyMapping.withRandomKey();
        Deidentifier deid = new Deidentifier(deidOptions, mapping, pseudonym);
        Path work = Files.createTempDirectory("consilium-deid-");
        try {
            List<List<Path>> perStudy = new ArrayList<>();
            List<String> newStudies = new ArrayList<>();
            for (String studyUid : studyUids) {
                List<Path> results = new ArrayList<>();
                newStudies.add(deidentifyInto(work, deid, studyUid, modalities, results, hospitalId, actor));
                perStudy.add(results);
            }
            List<DeidentifiedStudy> made = new ArrayList<>();
            for (int i = 0; i < studyUids.size(); i++) {
                for (Path result : perStudy.get(i)) {
                    try (InputStream in = Files.newInputStream(result)) {
                        ingest.storeFile(in, new IngestSource(hospitalId, null, actor));
                    }
                    Files.delete(result);
                }
                audit.record(actor, hospitalId, "study.deidentify", "study:" + studyUids.get(i), Outcome.SUCCESS,
                        "new study " + newStudies.get(i) + ", " + perStudy.get(i).size() + " instances, options "
                                + options + (modalities.isEmpty() ? "" : ", modalities " + new TreeSet<>(modalities)));
                made.add(new DeidentifiedStudy(studyUids.get(i), newStudies.get(i), perStudy.get(i).size()));
            }
            return new Batch(List.copyOf(made), mapping.issued());
        } finally {
            deleteQuietly(work);
        }
    }

    /** First pass over one study: each instance of the modalities de-identified into a file of {@code results}. */
    private String deidentifyInto(Path work, Deidentifier deid, String studyUid, Set<String> modalities,
                                  List<Path> results, UUID hospitalId, AuditActor actor)
            throws DeidentificationRefusedException, IngestException, IOException {
        List<InstanceRecord> instances = records.instances(studyUid);
        String newStudy = null;
        try {
            for (InstanceRecord instance : instances) {
                Path source = work.resolve("in.dcm");
                try (InputStream in = records.open(instance)) {
                    Files.copy(in, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                DicomFile read = new DicomReader().readFile(source);
                String modality = read.dataset().getString(Tag.Modality);
                if (!modalities.isEmpty() && (modality == null || !modalities.contains(modality.strip()))) {
                    Files.delete(source);
                    continue;
                }
                DicomFile out;
                try {
                    out = deid.deidentify(read);
                } catch (BurnedInAnnotationException e) {
                    audit.record(actor, hospitalId, "study.deidentify", "study:" + studyUid, Outcome.FAILED,
                            e.getMessage());
                    throw new DeidentificationRefusedException(e.getMessage(), e);
                }
                Path result = work.resolve("out-" + UUID.randomUUID() + ".dcm");
                new DicomWriter().writeFile(result, out); // Pixel Data streams from the source file
                newStudy = out.dataset().getString(Tag.StudyInstanceUID);
                results.add(result);
                Files.delete(source);
            }
        } catch (DicomException e) {
            throw new IngestException(IngestException.Reason.INVALID_ATTRIBUTE,
                    "a stored instance of study " + studyUid + " cannot be de-identified: " + e.getMessage(), e);
        }
        if (results.isEmpty()) {
            throw new NoSuchElementException("no instance of study " + studyUid + " is stored"
                    + (modalities.isEmpty() ? "" : " with modality " + new TreeSet<>(modalities)));
        }
        return newStudy;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the temporary directory is left for the OS to clean
        }
    }
}
