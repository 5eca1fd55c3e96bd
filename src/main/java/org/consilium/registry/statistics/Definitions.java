package org.consilium.registry.statistics;

import java.util.HashMap;
import java.util.Map;
import org.consilium.registry.statistics.Definition.Wording;

/** The definition of every figure and breakdown, by key: the one place the dashboard, CSV and XLSX read them from. */
final class Definitions {

    private static final Map<String, Definition> ALL = new HashMap<>();

    private static final String INVITED_ZH = "邀请日期（invited_on）";
    private static final String INVITED_EN = "invitation date (invited_on)";
    private static final String REPORTED_ZH = "上报时间（reported_at）";
    private static final String REPORTED_EN = "time reported (reported_at)";
    private static final String SUBMITTED_ZH = "会诊申请首次提交时间";
    private static final String SUBMITTED_EN = "time the consult request was first submitted";
    private static final String PLAN_ZH = "放疗计划提交时间";
    private static final String PLAN_EN = "time the plan was submitted";
    private static final String REFERRED_ZH = "转诊申请时间（requested_at）";
    private static final String REFERRED_EN = "time the referral was requested (requested_at)";
    private static final String DUE_ZH = "随访应访日期（due_on），截至昨日";
    private static final String DUE_EN = "visit due date (due_on), up to yesterday";

    static {
        put("screening.invited", "邀请筛查人数", "期内受邀人数", null, INVITED_ZH,
                "People invited", "people invited in the range", null, INVITED_EN);
        put("screening.rate", "筛查率", "期内受邀且完成问卷或FIT的人数", "年度落在期内的筛查项目的目标人群", INVITED_ZH,
                "Screening rate", "people invited in the range with a questionnaire or FIT result",
                "target population of the programmes whose year falls in the range", INVITED_EN);
        put("screening.highRiskRate", "高危率", "高危人数（问卷高危或FIT阳性）", "完成筛查人数", INVITED_ZH,
                "High-risk rate", "people at high risk (questionnaire or positive FIT)", "people screened", INVITED_EN);
        put("screening.colonoscopyCompletion", "肠镜完成率", "完成肠镜的高危人数", "高危人数", INVITED_ZH,
                "Colonoscopy completion", "high-risk people with a colonoscopy", "people at high risk", INVITED_EN);
        put("screening.positiveDetectionRate", "阳性检出率", "检出癌或癌前病变的肠镜数", "完成肠镜数", INVITED_ZH,
                "Positive-detection rate", "colonoscopies finding cancer or a precancerous lesion",
                "colonoscopies done", INVITED_EN);
        put("reports.total", "新发肿瘤报告数", "期内上报的新发肿瘤报告", null, REPORTED_ZH,
                "New-tumor reports", "new-tumor reports made in the range", null, REPORTED_EN);
        put("reports.recordedOnTime", "按时录档率", "在录档时限内录档的报告", "已录档的报告", REPORTED_ZH,
                "Recorded on time", "reports recorded before their record clock ran out", "reports recorded",
                REPORTED_EN);
        put("reports.timeToRecordMedian", "录档用时（中位数）", "已录档报告从上报到录档的时间的中位数", null,
                REPORTED_ZH, "Time to recording (median)", "median time from report to recording, recorded reports",
                null, REPORTED_EN);
        put("reports.timeToRecordP90", "录档用时（P90）", "已录档报告从上报到录档的时间的第90百分位", null,
                REPORTED_ZH, "Time to recording (p90)", "90th percentile of the time from report to recording",
                null, REPORTED_EN);
        put("reports.bySite", "按部位的新发肿瘤报告", "每个ICD-10三位类目的报告数", null, REPORTED_ZH,
                "New-tumor reports by site", "reports per three-character ICD-10 category", null, REPORTED_EN);
        put("reports.byDetection", "按发现方式的新发肿瘤报告", "每种发现方式（筛查、门诊、住院、其他）的报告数", null,
                REPORTED_ZH, "New-tumor reports by how found",
                "reports per way found (screening, outpatient, inpatient, other)", null, REPORTED_EN);
        put("consults.requested", "会诊申请数", "本院（或所选医院）提交的会诊申请", null, SUBMITTED_ZH,
                "Consults requested", "consult requests submitted by the hospital(s)", null, SUBMITTED_EN);
        put("consults.signed", "已签发会诊意见数", "其中会诊意见已由全体签名的会诊", null, SUBMITTED_ZH,
                "Consults signed", "of them, consults whose recommendation all attendees signed", null, SUBMITTED_EN);
        put("consults.perMonth", "每月会诊", "每月提交的会诊申请数及其中已签发数", null, SUBMITTED_ZH,
                "Consults per month", "consult requests submitted per month, and of them signed", null, SUBMITTED_EN);
        put("consults.turnaround", "会诊各环节用时", "各环节两端均已发生的会诊的用时中位数与第90百分位："
                        + "申请→分诊（首次分诊决定）、分诊→会诊（首次会诊开始）、会诊→签发（首次签发）、申请→签发", null,
                SUBMITTED_ZH, "Consult turnaround per step", "median and 90th percentile over the consults that "
                        + "passed both ends of a step: request → triage (first triage decision), triage → session "
                        + "(first session start), session → signed (first signature), request → signed", null,
                SUBMITTED_EN);
        put("rt.reviews", "放疗计划审核数", "期内提交并进入审核队列的计划", null, PLAN_ZH,
                "Plans reviewed", "plans submitted in the range that entered the review queue", null, PLAN_EN);
        put("rt.firstPassApproval", "一次通过率", "未被退回即获批准的计划", "已有审核决定（退回或批准）的计划",
                PLAN_ZH, "Approved on first pass", "plans approved without ever being returned",
                "plans with a decision (returned or approved)", PLAN_EN);
        put("rt.rois", "专家修改最多的ROI", "每个ROI被专家修订版修改的次数，及修订版与其上一版之间Dice的中位数"
                        + "（1毫米体素）", null, "专家修订版的提交时间", "Most-edited ROIs",
                "expert revisions changing each ROI, and the median Dice between such a revision and the one before "
                        + "it (1 mm voxels)", null, "time of the expert revision");
        put("referrals.up", "上转人数", "本院转出或转入的上转", null, REFERRED_ZH,
                "Up-referrals", "up-referrals from or to the hospital(s)", null, REFERRED_EN);
        put("referrals.down", "下转人数", "本院转出或转入的下转", null, REFERRED_ZH,
                "Down-referrals", "down-referrals from or to the hospital(s)", null, REFERRED_EN);
        put("referrals.perMonth", "每月双向转诊", "每月上转与下转的数量", null, REFERRED_ZH,
                "Referrals per month", "up- and down-referrals per month", null, REFERRED_EN);
        put("referrals.outwardRate", "外转率", "其中被登记转往医联体外医院的患者", "期内有新发肿瘤报告的患者",
                REPORTED_ZH, "Outward-referral rate", "of them, patients recorded as referred to a hospital outside "
                        + "the alliance", "patients with a new-tumor report in the range", REPORTED_EN);
        put("referrals.recognitionRate", "检查检验结果互认率", "接收方认可的转诊携带项目", "接收方已作出决定（认可或复查）的项目",
                REFERRED_ZH, "Recognition rate of results", "items carried by referrals that the receiver recognised",
                "items the receiver decided on (recognised or repeated)", REFERRED_EN);
        put("followUp.adherence", "随访依从率", "已完成的随访", "期内应访的随访（不含已取消）", DUE_ZH,
                "Follow-up adherence", "visits done", "visits due in the range (cancelled ones left out)", DUE_EN);
        put("followUp.overdue", "逾期未访数", "期内应访而仍未完成的随访", null, DUE_ZH,
                "Overdue visits", "visits due in the range and still open", null, DUE_EN);
    }

    private Definitions() {
    }

    static Definition of(String key) {
        Definition d = ALL.get(key);
        if (d == null) {
            throw new IllegalArgumentException("no definition for " + key);
        }
        return d;
    }

    private static void put(String key, String zhTitle, String zhNumerator, String zhDenominator, String zhDate,
                            String enTitle, String enNumerator, String enDenominator, String enDate) {
        ALL.put(key, new Definition(new Wording(zhTitle, zhNumerator, zhDenominator, zhDate),
                new Wording(enTitle, enNumerator, enDenominator, enDate)));
    }
}
