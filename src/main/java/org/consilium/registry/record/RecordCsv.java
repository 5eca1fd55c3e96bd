package org.consilium.registry.record;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.consilium.consult.PatientView;

/**
 * Registry records as the CSV of the hospital's statutory reports (docs/case-management.md lists the columns): UTF-8
 * with a byte-order mark so that Excel opens the Chinese, RFC 4180 quoting, CRLF line ends; a cell that Excel would
 * read as a formula (=, +, -, @) starts with an apostrophe.
 */
final class RecordCsv {

    /** One column: its header (Chinese, with the English name) and its value in a record. */
    private record Column(String header, Function<RecordView, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("档案编号 record_id", RecordView::id),
            new Column("版本 revision", RecordView::revision),
            new Column("状态 state", RecordView::state),
            new Column("确认人 confirmed_by", RecordView::confirmedBy),
            new Column("确认时间 confirmed_at", RecordView::confirmedAt),
            new Column("医院 hospital", RecordView::hospitalName),
            new Column("患者编号 local_id", r -> patient(r, PatientView::localId)),
            new Column("姓名 name", r -> patient(r, PatientView::name)),
            new Column("性别 sex", r -> patient(r, PatientView::sex)),
            new Column("出生日期 birth_date", r -> patient(r, PatientView::birthDate)),
            new Column("身份证号 id_card", r -> patient(r, PatientView::idCard)),
            new Column("住院号 mrn", r -> patient(r, PatientView::mrn)),
            new Column("主管医生 attending_doctor", r -> r.content().attendingDoctor()),
            new Column("诊断日期 diagnosis_date", r -> r.content().diagnosisDate()),
            new Column("诊断依据 basis_of_diagnosis", r -> r.content().basisOfDiagnosis()),
            new Column("ICD-10 icd10", r -> r.content().icd10()),
            new Column("ICD-O-3部位 topography", r -> r.content().topography()),
            new Column("ICD-O-3形态学 morphology", r -> r.content().morphology()),
            new Column("病理类型 histology", r -> r.content().histology()),
            new Column("分级 grade", r -> r.content().grade()),
            new Column("TNM版本 tnm_edition", r -> r.content().tnmEdition()),
            new Column("T t", r -> r.content().t()),
            new Column("N n", r -> r.content().n()),
            new Column("M m", r -> r.content().m()),
            new Column("分期 stage_group", r -> r.content().stageGroup()),
            new Column("ECOG ecog", r -> r.content().ecog()),
            new Column("治疗目的 intent", r -> r.content().intent()),
            new Column("治疗方式 modalities", r -> r.content().treatmentsOrEmpty().stream()
                    .map(t -> t.sequence() + ":" + t.modality() + ":" + t.status()).collect(Collectors.joining(";"))),
            new Column("治疗方案 treatment_plan", r -> r.content().treatmentPlan()),
            new Column("放疗总剂量Gy rt_total_dose_gy", r -> r.content().rtTotalDoseGy()),
            new Column("放疗分次 rt_fractions", r -> r.content().rtFractions()),
            new Column("放疗技术 rt_technique", r -> r.content().rtTechnique()),
            new Column("疗效评价 recist", r -> r.content().recist()),
            new Column("评价日期 response_on", r -> r.content().responseOn()),
            new Column("末次随访 last_contact_on", r -> r.content().lastContactOn()),
            new Column("生存状态 vital_status", r -> r.content().vitalStatus()),
            new Column("死亡日期 death_date", r -> r.content().deathDate()),
            new Column("复发 recurrence", r -> r.content().recurrence()),
            new Column("进展 progression", r -> r.content().progression()));

    private RecordCsv() {
    }

    static byte[] write(List<RecordView> records) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, COLUMNS.stream().map(Column::header).toList());
        for (RecordView r : records) {
            line(out, COLUMNS.stream().map(c -> c.value().apply(r)).map(v -> v == null ? "" : v.toString()).toList());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The header row, for the documentation test. */
    static List<String> headers() {
        return COLUMNS.stream().map(Column::header).toList();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(RecordCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String cell(String v) {
        String s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static Object patient(RecordView r, Function<PatientView, Object> field) {
        return r.patient() == null ? null : field.apply(r.patient());
    }
}
