package org.consilium.consult.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.consilium.consult.document.OpinionDocument.Consult;
import org.consilium.consult.document.OpinionDocument.Evaluation;
import org.consilium.consult.document.OpinionDocument.FollowUp;
import org.consilium.consult.document.OpinionDocument.Modality;
import org.consilium.consult.document.OpinionDocument.OrganFunction;
import org.consilium.consult.document.OpinionDocument.Participant;
import org.consilium.consult.document.OpinionDocument.Patient;
import org.consilium.consult.document.OpinionDocument.Recommendation;
import org.consilium.consult.document.OpinionDocument.Tnm;
import org.consilium.consult.document.OpinionDocument.Version;

/** A realistic opinion: a county hospital's lung cancer patient, three specialists, one dissent. */
public final class SampleOpinions {

    static final String PATIENT = "张秀英";
    static final String RATIONALE = "局部晚期非小细胞肺癌，纵隔淋巴结转移，体能状态良好，推荐同步放化疗后度伐利尤单抗巩固治疗。";

    private SampleOpinions() {}

    static OpinionDocument lungCase(String clinicalSummary) {
        Instant issued = Instant.parse("2026-11-20T07:30:00Z");
        return new OpinionDocument("长兴县人民医院", "省肿瘤医院", "MDT-2026-0042",
                new Patient(PATIENT, "F", LocalDate.of(1961, 5, 14), null, "CX00012345"),
                new Consult("右肺上叶占位，是否适合手术？如不手术，推荐何种综合治疗？", clinicalSummary, "URGENT"),
                new Evaluation(1, new OrganFunction("NORMAL", "MILD", "NORMAL", "NORMAL"), "MARGINAL",
                        new Tnm("cT2a", "cN2", "cM0", "IIIA")),
                new Recommendation("CURATIVE", List.of(
                        new Modality(1, "CHEMOTHERAPY", "含铂双药同步化疗"),
                        new Modality(1, "RADIOTHERAPY", "60 Gy / 30 fx, IMRT"),
                        new Modality(2, "IMMUNOTHERAPY", "Durvalumab consolidation, 12 months")), RATIONALE),
                List.of(new Participant("李明", "radiation-oncology", "同意同步放化疗，V20 < 30%。", false,
                                Instant.parse("2026-11-20T07:40:00Z")),
                        new Participant("赵强", "medical-oncology", "同意，建议完善 PD-L1 检测。", false,
                                Instant.parse("2026-11-20T07:42:00Z")),
                        new Participant("孙伟", "surgery", "建议先行新辅助治疗后再评估手术可能。", true, null)),
                "李明", new Version(2, 1, "补充 PD-L1 检测建议"),
                List.of(new FollowUp("2 周期后复查胸部 CT 再分期", LocalDate.of(2027, 1, 15), "长兴县人民医院 钱进"),
                        new FollowUp("放疗结束后 1 个月复查肺功能", LocalDate.of(2027, 3, 1), null)),
                issued);
    }

    public static OpinionDocument lungCase() {
        return lungCase("患者女，65 岁，咳嗽伴痰中带血 2 月。胸部增强 CT：右肺上叶 4.2 cm 肿块，纵隔 4R、7 区淋巴结肿大。"
                + "支气管镜活检：腺癌，EGFR/ALK 阴性。PET-CT 未见远处转移。");
    }
}
