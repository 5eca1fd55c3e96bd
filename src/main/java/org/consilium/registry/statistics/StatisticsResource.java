package org.consilium.registry.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.Role;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/registry/statistics")
@RolesAllowed({Role.CASE_MANAGER, Role.CLINICIAN, Role.SPECIALIST, Role.HOSPITAL_ADMIN, Role.PLATFORM_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registry")
public class StatisticsResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    CurrentUser user;
    @Inject
    RegistryStatistics statistics;
    @Inject
    AllianceStatistics alliance;

    @GET
    @Operation(summary = "Case-management figures: record clock kept, referrals by state, mutual-recognition rate",
            description = "Over the hospitals the caller may see (the alliance for provincial case managers); "
                    + "counts only, no patient data.")
    public RegistryFigures figures() {
        return statistics.figures(user);
    }

    @GET
    @Path("/dashboard")
    @Operation(summary = "Alliance statistics over a date range, each figure with its definition (zh-CN and en)",
            description = "Screening, new-tumor reports, consults, radiotherapy review, referrals and follow-up for "
                    + "one hospital or every hospital the caller may see (their own; the alliance for provincial case "
                    + "managers and platform admins). Days are Asia/Shanghai, both ends included. A hospital the "
                    + "caller may not see answers 404; a range running backwards or longer than ten years, 400.")
    public Dashboard dashboard(@Parameter(description = "first day, YYYY-MM-DD; default: the first of the month 11 months ago", example = "2026-01-01")
                               @QueryParam("from") String from,
                               @Parameter(description = "last day, included; default today", example = "2026-12-31") @QueryParam("to") String to,
                               @Parameter(description = "one hospital; default all the caller may see")
                               @QueryParam("hospital") UUID hospital,
                               @Parameter(description = "narrow the screening figures to one programme")
                               @QueryParam("programme") UUID programme,
                               @Parameter(description = "comma-separated sections: screening, reports, consults, rt, "
                                       + "referrals, followUp; default all") @QueryParam("sections") String sections) {
        return alliance.dashboard(user, day("from", from), day("to", to), hospital, programme, names(sections));
    }

    @GET
    @Path("/dashboard.csv")
    @Produces(CSV)
    @Operation(summary = "The dashboard as CSV (UTF-8 with BOM): the figures, then each breakdown",
            description = "Same parameters as the dashboard, and lang=zh-CN|en for the titles and definitions.")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("hospital") UUID hospital, @QueryParam("programme") UUID programme,
                        @QueryParam("lang") @DefaultValue("zh-CN") String lang) {
        return export(from, to, hospital, programme, lang, "csv");
    }

    @GET
    @Path("/dashboard.xlsx")
    @Produces(XLSX)
    @Operation(summary = "The dashboard as an Excel workbook: a sheet of figures, then a sheet per breakdown",
            description = "Same parameters as the dashboard, and lang=zh-CN|en for the titles and definitions.")
    public Response xlsx(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("hospital") UUID hospital, @QueryParam("programme") UUID programme,
                         @QueryParam("lang") @DefaultValue("zh-CN") String lang) {
        return export(from, to, hospital, programme, lang, "xlsx");
    }

    private Response export(String from, String to, UUID hospital, UUID programme, String lang, String extension) {
        boolean zh = chinese(lang);
        Dashboard d = alliance.dashboard(user, day("from", from), day("to", to), hospital, programme, Set.of());
        List<ExportTable> tables = ExportTable.of(d, zh);
        boolean csv = extension.equals("csv");
        return Response.ok(csv ? CsvExport.write(tables) : XlsxExport.write(tables), csv ? CSV : XLSX)
                .header("Content-Disposition", "attachment; filename=\"statistics-" + d.from() + "-" + d.to() + "."
                        + extension + "\"").build();
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemType.VALIDATION, name + ": " + value + " is not a day YYYY-MM-DD (日期格式错误)");
        }
    }

    private static boolean chinese(String lang) {
        if (!lang.equals("zh-CN") && !lang.equals("en")) {
            throw new ProblemException(ProblemType.VALIDATION, "lang: zh-CN or en");
        }
        return lang.equals("zh-CN");
    }

    private static Set<String> names(String sections) {
        return sections == null || sections.isBlank() ? Set.of()
                : Arrays.stream(sections.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
    }
}
