package org.consilium.consult.document;

import org.consilium.platform.document.DocumentLanguage;
import java.util.Locale;
import java.util.Map;

/**
 * The printed words of the opinion document: fixed labels and the workflow's codes, in Chinese and English.
 * A code we do not know is printed as given, so a new code never breaks a document.
 */
final class Vocabulary {

    /** Labels; each entry is {Chinese, English}. */
    private static final Map<String, String[]> LABELS = Map.ofEntries(
            entry("title", "多学科会诊意见书", "Multidisciplinary Team Consult Opinion"),
            entry("requestingHospital", "申请医院", "Requesting hospital"),
            entry("consultingHospital", "会诊医院", "Consulting hospital"),
            entry("documentNumber", "会诊编号", "Consult No."),
            entry("issuedAt", "签发时间", "Issued at"),
            entry("patientName", "患者姓名", "Patient name"),
            entry("sex", "性别", "Sex"),
            entry("age", "年龄", "Age"),
            entry("birthDate", "出生日期", "Date of birth"),
            entry("localId", "病历号", "Patient ID"),
            entry("urgency", "紧急程度", "Urgency"),
            entry("version", "版本", "Version"),
            entry("question", "会诊目的", "Question to the board"),
            entry("clinicalSummary", "病情摘要", "Clinical summary"),
            entry("evaluation", "综合评估", "Evaluation"),
            entry("ecog", "ECOG 体能评分", "ECOG performance status"),
            entry("organFunction", "脏器功能", "Organ function"),
            entry("cardiac", "心", "cardiac"),
            entry("pulmonary", "肺", "pulmonary"),
            entry("hepatic", "肝", "hepatic"),
            entry("renal", "肾", "renal"),
            entry("surgicalTolerance", "手术耐受性", "Surgical tolerance"),
            entry("tnm", "TNM 分期（AJCC 第 8 版）", "TNM (AJCC 8th edition)"),
            entry("stageGroup", "分期", "stage group"),
            entry("recommendation", "会诊意见", "Recommendation"),
            entry("intent", "治疗目的", "Treatment intent"),
            entry("modalities", "推荐治疗方案（按顺序）", "Recommended modalities, in sequence"),
            entry("rationale", "依据", "Rationale"),
            entry("participants", "专家意见", "Opinions of the participants"),
            entry("dissent", "保留意见", "dissent"),
            entry("followUps", "随访计划", "Follow-up"),
            entry("due", "截止", "due"),
            entry("assignee", "负责", "assigned to"),
            entry("signatures", "签名", "Signatures"),
            entry("chair", "主持专家", "Chair"),
            entry("name", "姓名", "Name"),
            entry("discipline", "科室", "Discipline"),
            entry("signedAt", "签名时间", "Signed at"),
            entry("unsigned", "未签名", "not signed"),
            entry("none", "无", "none"),
            entry("amends", "修订自第 %d 版", "amends version %d"),
            entry("years", "%d 岁", "%d years"),
            entry("page", "第 %d 页 / 共 %d 页", "Page %d of %d"));

    /** Codes of the workflow; key is "category.CODE". */
    private static final Map<String, String[]> CODES = Map.ofEntries(
            entry("sex.M", "男", "male"),
            entry("sex.F", "女", "female"),
            entry("sex.O", "其他", "other"),
            entry("urgency.ROUTINE", "普通", "routine"),
            entry("urgency.URGENT", "加急", "urgent"),
            entry("urgency.GREEN_CHANNEL", "绿色通道", "green channel"),
            entry("intent.CURATIVE", "根治性", "curative"),
            entry("intent.PALLIATIVE", "姑息性", "palliative"),
            entry("modality.SURGERY", "手术", "surgery"),
            entry("modality.RADIOTHERAPY", "放疗", "radiotherapy"),
            entry("modality.CHEMOTHERAPY", "化疗", "chemotherapy"),
            entry("modality.TARGETED", "靶向治疗", "targeted therapy"),
            entry("modality.IMMUNOTHERAPY", "免疫治疗", "immunotherapy"),
            entry("modality.TRIAL", "临床试验", "clinical trial"),
            entry("modality.BEST_SUPPORTIVE_CARE", "最佳支持治疗", "best supportive care"),
            entry("organ.NORMAL", "正常", "normal"),
            entry("organ.MILD", "轻度受损", "mildly impaired"),
            entry("organ.MODERATE", "中度受损", "moderately impaired"),
            entry("organ.SEVERE", "重度受损", "severely impaired"),
            entry("tolerance.TOLERABLE", "可耐受", "tolerable"),
            entry("tolerance.MARGINAL", "耐受性差", "marginal"),
            entry("tolerance.INTOLERABLE", "不能耐受", "not tolerable"),
            entry("discipline.radiation-oncology", "放射肿瘤科", "radiation oncology"),
            entry("discipline.medical-oncology", "肿瘤内科", "medical oncology"),
            entry("discipline.surgery", "外科", "surgery"),
            entry("discipline.radiology", "影像科", "radiology"),
            entry("discipline.pathology", "病理科", "pathology"),
            entry("discipline.medical-physics", "放疗物理", "medical physics"),
            entry("discipline.nuclear-medicine", "核医学科", "nuclear medicine"));

    private final int column;

    Vocabulary(DocumentLanguage language) {
        this.column = language == DocumentLanguage.ZH_CN ? 0 : 1;
    }

    String label(String key, Object... args) {
        String[] words = LABELS.get(key);
        if (words == null) {
            throw new IllegalArgumentException("no label " + key);
        }
        return args.length == 0 ? words[column] : String.format(Locale.ROOT, words[column], args);
    }

    /** The word for a code of a category, or the code itself; null and blank stay as they are. */
    String term(String category, String code) {
        if (code == null || code.isBlank()) {
            return code;
        }
        String[] words = CODES.get(category + "." + code.strip());
        return words == null ? code : words[column];
    }

    private static Map.Entry<String, String[]> entry(String key, String zh, String en) {
        return Map.entry(key, new String[] {zh, en});
    }
}
