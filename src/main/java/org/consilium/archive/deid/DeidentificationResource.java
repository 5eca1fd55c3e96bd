package org.consilium.archive.deid;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.consilium.archive.DeidentificationRefusedException;
import org.consilium.archive.IngestException;
import org.consilium.archive.StudyDeidentification;
import org.consilium.archive.StudyDeidentification.DeidentifiedStudy;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * De-identification of a stored study into a new study of the same hospital, for that hospital's case
 * managers and platform admins. Anyone else hears 404, as if the study did not exist.
 */
@Path("/api/studies/{studyUid}/deidentify")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DeidentificationResource {

    @Inject
    CurrentUser user;
    @Inject
    StudyDeidentification deidentification;
    @Inject
    AuditLog audit;
    @Inject
    AgroalDataSource db;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "De-identify a study (DICOM PS3.15 Basic Application Level Confidentiality Profile) into a"
            + " new study of your hospital; case managers and platform admins of the owning hospital")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "teaching case", value = """
            {"pseudonymId": "TEACH-2026-001", "pseudonymName": "TEACHING^LUNG SBRT",
             "retainLongitudinalModifiedDates": true, "cleanDescriptors": true,
             "retainPrivate": false, "acceptBurnedInAnnotation": false}""")))
    @APIResponse(responseCode = "201", description = "The new, de-identified study", content = @Content(
            schema = @Schema(implementation = DeidentifiedStudy.class), examples = @ExampleObject(name = "created",
            value = """
                    {"sourceStudyUid": "1.2.826.0.1.3680043.10.1453.2.1.1",
                     "studyUid": "2.25.195385497014316270950150813244286391826", "instances": 100}""")))
    @APIResponse(responseCode = "404", description = "No such study, or not yours to de-identify")
    @APIResponse(responseCode = "409", description = "An instance declares Burned In Annotation YES and the request"
            + " did not accept it; nothing was stored")
    public Response deidentify(@PathParam("studyUid") String studyUid, @NotNull @Valid DeidentifyRequest request) {
        UUID hospital = user.hospital().map(HospitalView::id).orElse(null);
        boolean mayDeidentify = user.hasRole(Role.CASE_MANAGER) || user.hasRole(Role.PLATFORM_ADMIN);
        if (hospital == null || !mayDeidentify || !owner(studyUid).map(hospital::equals).orElse(false)) {
            audit.record(user.asActor(), hospital, "study.deidentify", "study:" + studyUid, Outcome.DENIED, null);
            throw ProblemException.notFound("Study " + studyUid);
        }
        try {
            DeidentifiedStudy made = deidentification.deidentify(studyUid, hospital, request.pseudonymId(),
                    request.pseudonymName(), request.options(), user.asActor());
            return Response.created(URI.create("/dicomweb/studies/" + made.studyUid())).entity(made).build();
        } catch (NoSuchElementException e) {
            throw ProblemException.notFound("Study " + studyUid);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, e.getMessage());
        } catch (DeidentificationRefusedException e) {
            throw new ProblemException(ProblemType.CONFLICT, e.getMessage());
        } catch (IngestException e) {
            throw new ProblemException(ProblemType.CONFLICT, "the de-identified study could not be stored: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.INTERNAL, "cannot read or write the study's instances", e);
        }
    }

    private Optional<UUID> owner(String studyUid) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select hospital_id from study_record where study_uid = ?")) {
            ps.setString(1, studyUid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the owner of study " + studyUid, e);
        }
    }
}
