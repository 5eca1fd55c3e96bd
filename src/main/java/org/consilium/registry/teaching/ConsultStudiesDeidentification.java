package org.consilium.registry.teaching;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import org.consilium.archive.DeidentificationRefusedException;
import org.consilium.archive.IngestException;
import org.consilium.archive.StudyDeidentification;
import org.consilium.archive.StudyDeidentification.DeidentifiedStudy;
import org.consilium.consult.ConsultView;
import org.consilium.consult.Consults;
import org.consilium.consult.StudyLink;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Every study of a consult de-identified in one request (PS3.15 Basic Profile with the options chosen), together:
 * one pseudonym, one UID mapping and one date offset, so that references between the studies stay whole. The new
 * studies belong to the caller's hospital. For case managers and platform admins who may see the consult.
 */
@Path("/api/consults/{id}/deidentify")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ConsultStudiesDeidentification {

    /** The pseudonym (printable ASCII) and the PS3.15 options; as POST /api/studies/{uid}/deidentify takes them. */
    public record Request(@NotNull @Size(min = 1, max = 64) @Pattern(regexp = "[ -~]+") String pseudonymId,
                          @NotNull @Size(min = 1, max = 64) @Pattern(regexp = "[ -~]+") String pseudonymName,
                          boolean retainLongitudinalModifiedDates, boolean cleanDescriptors, boolean retainPrivate,
                          boolean acceptBurnedInAnnotation) {
    }

    @Inject
    CurrentUser user;
    @Inject
    Consults consults;
    @Inject
    StudyDeidentification deidentification;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "De-identify all studies of a consult together into new studies of your hospital (case"
            + " managers, platform admins)")
    @APIResponse(responseCode = "200", description = "the new studies, in the consult's order")
    @APIResponse(responseCode = "404", description = "no such consult, or not yours to see")
    @APIResponse(responseCode = "409", description = "the consult has no stored study, or an image declares burned-in"
            + " annotation that the request did not accept; nothing was stored")
    public List<DeidentifiedStudy> deidentify(@PathParam("id") UUID id, @NotNull @Valid Request r) {
        if (!user.hasRole(Role.CASE_MANAGER) && !user.hasRole(Role.PLATFORM_ADMIN)) {
            throw ProblemException.notFound("consult " + id);
        }
        ConsultView consult = consults.require(user, id);
        UUID hospital = user.hospital().map(HospitalView::id).orElseThrow(() -> ProblemException.notFound("consult " + id));
        List<String> studies = consult.studies().stream().map(StudyLink::studyUid).distinct().toList();
        if (studies.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "consult " + id + " has no study");
        }
        try {
            return deidentification.deidentifyTogether(studies, Set.of(), hospital, r.pseudonymId(), r.pseudonymName(),
                    new StudyDeidentification.Options(r.retainLongitudinalModifiedDates(), r.cleanDescriptors(),
                            r.retainPrivate(), r.acceptBurnedInAnnotation()), user.asActor()).studies();
        } catch (NoSuchElementException | DeidentificationRefusedException e) {
            throw new ProblemException(ProblemType.CONFLICT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, e.getMessage());
        } catch (IngestException e) {
            throw new ProblemException(ProblemType.CONFLICT, "the de-identified studies could not be stored: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.INTERNAL, "cannot read or write the consult's instances", e);
        }
    }
}
