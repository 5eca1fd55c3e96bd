package org.consilium.registry.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalView;
import org.consilium.platform.Problem;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;

/**
 * Bulk import of screening results from the CSV the counties keep, in English or Chinese column names. Every row
 * is checked first; if any is wrong, nothing is imported and the answer lists each wrong row with its line and
 * what is wrong, so the clerk fixes the file and sends it again. Otherwise all rows are written in one
 * transaction: a person already in the programme (same unit and local ID) is updated, others are invited.
 */
@ApplicationScoped
public class ScreeningImport {

    static final int MAX_ROWS = 50_000;

    /** Each column: its name in English and the Chinese names county forms use. */
    enum Column {
        LOCAL_ID("local_id", "居民编号", "编号"), NAME("name", "姓名"), SEX("sex", "性别"),
        BIRTH_DATE("birth_date", "出生日期"), INVITED_ON("invited_on", "邀请日期"),
        QUESTIONNAIRE("questionnaire", "问卷", "问卷评估"), FIT("fit", "FIT", "FIT结果", "粪便免疫化学检测"),
        COLONOSCOPY_ON("colonoscopy_on", "肠镜日期"), FINDING("finding", "肠镜结果"), PATHOLOGY("pathology", "病理"),
        HOSPITAL("hospital", "单位", "筛查单位");

        final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        static Column named(String header) {
            for (Column c : values()) {
                for (String n : c.names) {
                    if (n.equalsIgnoreCase(header)) {
                        return c;
                    }
                }
            }
            return null;
        }
    }

    /** What an import did. */
    public record ImportReport(int rows, int invited, int updated) {
    }

    @Inject
    ScreeningProgrammes programmes;
    @Inject
    HospitalDirectory hospitals;
    @Inject
    AuditLog audit;

    @Transactional
    public ImportReport importCsv(CurrentUser user, UUID programmeId, String csv) {
        ScreeningProgramme p = programmes.require(user, programmeId);
        CsvTable table = CsvTable.parse(csv);
        Map<Column, Integer> at = columns(table.header());
        if (table.rows().size() > MAX_ROWS) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, table.rows().size() + " rows; at most " + MAX_ROWS
                    + " per file");
        }
        List<Problem.FieldError> rejected = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Unit> units = new HashMap<>(); // by the hospital column's alias: looked up once per file
        for (CsvTable.Row row : table.rows()) {
            List<String> wrong = new ArrayList<>();
            Parsed x = parse(user, p.id, row, at, units, wrong);
            if (x != null && !seen.add(x.key())) {
                wrong.add("local_id " + x.localId + " appears twice in the file (重复)");
            }
            if (wrong.isEmpty()) {
                parsed.add(x);
            } else {
                rejected.add(new Problem.FieldError("row " + row.line(), String.join("; ", wrong)));
            }
        }
        if (!rejected.isEmpty()) {
            audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "screening.import",
                    ScreeningProgrammes.target(p.id), Outcome.FAILED, rejected.size() + " of " + table.rows().size()
                            + " rows rejected");
            throw new ProblemException(ProblemType.VALIDATION, rejected.size() + " of " + table.rows().size()
                    + " rows are wrong; nothing was imported (有错误行，未导入任何数据)", rejected);
        }
        Map<String, Participant> known = new HashMap<>();
        for (Participant x : Participant.<Participant>list("programmeId", p.id)) {
            known.put(x.hospitalId + "/" + x.localId, x);
        }
        int invited = 0;
        for (Parsed x : parsed) {
            Participant existing = known.get(x.key());
            Participant target = existing != null ? existing : new Participant();
            if (existing == null) {
                target.id = UuidV7.next();
                target.programmeId = p.id;
                target.hospitalId = x.hospital;
                target.localId = x.localId;
                invited++;
            }
            target.name = x.name;
            target.sex = x.sex;
            target.birthDate = x.birthDate;
            target.invitedOn = x.invitedOn;
            ScreeningParticipants.apply(target, x.questionnaire, x.fit, x.colonoscopyOn, x.finding, x.pathology);
            if (existing == null) {
                target.persist();
            }
        }
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "screening.import",
                ScreeningProgrammes.target(p.id), Outcome.SUCCESS, parsed.size() + " rows, " + invited + " new");
        return new ImportReport(parsed.size(), invited, parsed.size() - invited);
    }

    private record Parsed(UUID hospital, String localId, String name, String sex, LocalDate birthDate,
                          LocalDate invitedOn, Boolean questionnaire, FitResult fit, LocalDate colonoscopyOn,
                          Finding finding, String pathology) {

        /** A person is one unit's local ID. */
        String key() {
            return hospital + "/" + localId;
        }
    }

    /** The member unit a hospital column names, or what is wrong with it. */
    private record Unit(UUID id, String wrong) {
    }

    private static Map<Column, Integer> columns(List<String> header) {
        Map<Column, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Column c = Column.named(header.get(i));
            if (c != null) {
                at.putIfAbsent(c, i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column required : List.of(Column.LOCAL_ID, Column.NAME, Column.SEX, Column.INVITED_ON)) {
            if (!at.containsKey(required)) {
                missing.add(required.names.get(0) + " (" + required.names.get(1) + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "the header row lacks the column(s) "
                    + String.join(", ", missing) + "; it has " + header);
        }
        return at;
    }

    private Parsed parse(CurrentUser user, UUID programmeId, CsvTable.Row row, Map<Column, Integer> at,
                         Map<String, Unit> units, List<String> wrong) {
        String localId = cell(row, at, Column.LOCAL_ID);
        if (localId.isEmpty() || localId.length() > 64 || !localId.matches("[\\x21-\\x7E]+")) {
            wrong.add("local_id must be 1 to 64 printable ASCII characters without spaces");
        }
        String name = cell(row, at, Column.NAME);
        if (name.isEmpty() || name.length() > 100) {
            wrong.add("name must be 1 to 100 characters");
        }
        String sex = switch (cell(row, at, Column.SEX).toUpperCase(Locale.ROOT)) {
            case "M", "男" -> "M";
            case "F", "女" -> "F";
            case "O" -> "O";
            case "U", "" -> "U";
            default -> {
                wrong.add("sex must be M, F, 男 or 女, not " + cell(row, at, Column.SEX));
                yield null;
            }
        };
        LocalDate birthDate = date(cell(row, at, Column.BIRTH_DATE), "birth_date", wrong);
        LocalDate invitedOn = date(cell(row, at, Column.INVITED_ON), "invited_on", wrong);
        if (invitedOn == null && wrong.stream().noneMatch(w -> w.startsWith("invited_on"))) {
            wrong.add("invited_on is required");
        }
        Boolean questionnaire = switch (cell(row, at, Column.QUESTIONNAIRE).toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "高危", "high", "yes", "是", "true" -> true;
            case "非高危", "低危", "low", "no", "否", "false" -> false;
            default -> {
                wrong.add("questionnaire must be 高危 / 非高危 (high / low), not " + cell(row, at, Column.QUESTIONNAIRE));
                yield null;
            }
        };
        FitResult fit = switch (cell(row, at, Column.FIT).toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "阳性", "positive", "+" -> FitResult.POSITIVE;
            case "阴性", "negative", "-" -> FitResult.NEGATIVE;
            default -> {
                wrong.add("fit must be 阳性 / 阴性 (positive / negative), not " + cell(row, at, Column.FIT));
                yield null;
            }
        };
        LocalDate colonoscopyOn = date(cell(row, at, Column.COLONOSCOPY_ON), "colonoscopy_on", wrong);
        Finding finding = switch (cell(row, at, Column.FINDING).toUpperCase(Locale.ROOT)) {
            case "" -> null;
            case "癌", "CANCER" -> Finding.CANCER;
            case "癌前病变", "PRECANCEROUS" -> Finding.PRECANCEROUS;
            case "其他良性", "良性", "OTHER_BENIGN", "BENIGN" -> Finding.OTHER_BENIGN;
            case "正常", "NORMAL" -> Finding.NORMAL;
            default -> {
                wrong.add("finding must be 癌 / 癌前病变 / 其他良性 / 正常 (cancer / precancerous / other benign /"
                        + " normal), not " + cell(row, at, Column.FINDING));
                yield null;
            }
        };
        String pathology = cell(row, at, Column.PATHOLOGY);
        if (pathology.length() > 2000) {
            wrong.add("pathology is longer than 2000 characters");
        }
        wrong.addAll(ScreeningParticipants.check(colonoscopyOn, finding, invitedOn));
        Unit unit = units.computeIfAbsent(cell(row, at, Column.HOSPITAL), alias -> unit(user, programmeId, alias));
        if (unit.wrong() != null) {
            wrong.add(unit.wrong());
        }
        UUID hospital = unit.id();
        return wrong.isEmpty() ? new Parsed(hospital, localId, name, sex, birthDate, invitedOn, questionnaire, fit,
                colonoscopyOn, finding, pathology) : null;
    }

    private Unit unit(CurrentUser user, UUID programmeId, String alias) {
        UUID named = null;
        if (!alias.isEmpty()) {
            named = hospitals.byAlias(alias).map(HospitalView::id).orElse(null);
            if (named == null) {
                return new Unit(null, "hospital " + alias + " is not a hospital of the alliance");
            }
        }
        try {
            return new Unit(programmes.memberUnit(user, programmeId, named), null);
        } catch (ProblemException e) {
            return new Unit(null, e.getMessage());
        }
    }

    private static String cell(CsvTable.Row row, Map<Column, Integer> at, Column c) {
        Integer i = at.get(c);
        return i == null || i >= row.cells().size() ? "" : row.cells().get(i).strip();
    }

    /** {@code 2026-03-11} or {@code 2026/3/11} or {@code 2026.03.11}; a wrong one is named, an empty one is null. */
    private static LocalDate date(String s, String column, List<String> wrong) {
        if (s.isEmpty()) {
            return null;
        }
        String[] parts = s.split("[-/.]");
        try {
            if (parts.length != 3) {
                throw new DateTimeParseException("three parts", s, 0);
            }
            LocalDate d = LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            if (d.isAfter(LocalDate.now())) {
                wrong.add(column + " " + s + " is in the future");
            }
            return d;
        } catch (RuntimeException e) {
            wrong.add(column + " " + s + " is not a date (yyyy-mm-dd)");
            return null;
        }
    }
}
