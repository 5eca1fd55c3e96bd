package org.consilium.radiotherapy.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.consilium.dicom.rt.ContourMetrics;
import org.consilium.platform.document.CjkFont;
import org.consilium.platform.document.DocumentLanguage;
import org.consilium.platform.document.PageWriter;
import org.consilium.radiotherapy.dose.ConstraintResult;
import org.consilium.radiotherapy.dose.DvhSummary;
import org.consilium.radiotherapy.review.Decisions;

/**
 * The review summary (放疗计划审核报告) as a PDF in Chinese or English, with the consult opinion's font
 * handling ({@link CjkFont}, a subset embedded): the plan, the metrics table, a cumulative DVH plot per ROI
 * a constraint was evaluated on, the constraint results, the decision and the sign-offs.
 */
public final class ReviewSummaryPdf {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final float PLOT_HEIGHT = 150f;
    private static final float[][] COLOURS = {{0.80f, 0.10f, 0.10f}, {0.10f, 0.35f, 0.75f}};

    private final CjkFont font;

    public ReviewSummaryPdf(CjkFont font) {
        this.font = font;
    }

    public byte[] render(ReviewSummary s, DocumentLanguage language) {
        boolean zh = language == DocumentLanguage.ZH_CN;
        try (CjkFont.Face face = font.open(); PDDocument doc = new PDDocument()) {
            PDType0Font pdfFont = PDType0Font.load(doc, face.font(), true);
            PageWriter w = new PageWriter(doc, pdfFont, face);
            new Composer(w, zh).compose(s);
            w.finish("Consilium · " + s.plan().id(), (page, total) -> zh ? "第 " + page + " 页 / 共 " + total + " 页"
                    : "page " + page + " of " + total);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(zh ? "放疗计划审核报告" : "Radiotherapy plan review summary");
            info.setCreator("Consilium");
            doc.getDocumentCatalog().setLanguage(language.tag);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the review summary", e);
        }
    }

    /** Lays out one document. */
    private static final class Composer {

        private final PageWriter w;
        private final boolean zh;

        Composer(PageWriter w, boolean zh) {
            this.w = w;
            this.zh = zh;
        }

        private String t(String chinese, String english) {
            return zh ? chinese : english;
        }

        void compose(ReviewSummary s) throws IOException {
            w.centred(t("放疗计划审核报告", "Radiotherapy plan review summary"), PageWriter.BODY * 1.6f, true);
            w.centred(s.hospital() == null ? "" : s.hospital(), PageWriter.BODY, false);
            w.space(PageWriter.BODY);
            plan(s);
            metrics(s);
            dose(s);
            decision(s.decision());
        }

        private void plan(ReviewSummary s) throws IOException {
            var p = s.plan();
            w.heading(t("一、计划", "1. Plan"));
            w.labelled(t("检查 UID", "Study UID"), p.studyInstanceUid());
            w.labelled(t("病种 / 技术", "Disease site / technique"), p.diseaseSite() + " / " + p.technique());
            w.labelled(t("处方", "Prescription"), String.format(Locale.ROOT, "%s Gy / %d %s",
                    number(p.prescription().totalDoseGy(), 2), p.prescription().fractions(), t("次", "fractions")));
            w.labelled(t("提交人 / 版本", "Submitted by / version"), p.submittedBy() + " / " + t("第 ", "version ")
                    + p.submissionVersion() + t(" 版", ""));
            w.labelled(t("审核问题", "Question for review"), p.question());
            w.labelled(t("临床资料", "Clinical notes"), p.clinicalNotes());
            w.labelled(t("报告时间", "Issued"), TIME.format(s.issued().atZone(ZONE)));
        }

        private void metrics(ReviewSummary s) throws IOException {
            w.heading(t("二、勾画比较（修订 ", "2. Contours compared (revision ") + s.fromRevision() + " → "
                    + s.toRevision() + t("）", ")"));
            w.paragraph(t("定义见 docs/review-metrics.md；体积 cm³，距离 mm。", "Definitions in docs/review-metrics.md; "
                    + "volumes in cm³, distances in mm."), PageWriter.BODY * 0.9f, false, 0);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ROI", t("体积 A", "Vol A"), t("体积 B", "Vol B"), "ΔV %", "Dice", "HD95",
                    t("平均表面距离", "MSD"), t("质心偏移", "Centroid")});
            for (ContourMetrics m : s.metrics()) {
                rows.add(new String[] {m.roiName(), number(m.volumeA(), 1), number(m.volumeB(), 1),
                        number(m.volumeDifferencePercent(), 1), number(m.dice(), 3), number(m.hausdorff95(), 1),
                        number(m.meanSurfaceDistance(), 1), number(m.centroidDistance(), 1)});
            }
            w.table(new float[] {0.19f, 0.11f, 0.11f, 0.1f, 0.1f, 0.1f, 0.15f, 0.14f},
                    new boolean[] {true, false, false, false, false, false, false, false}, rows);
        }

        private void dose(ReviewSummary s) throws IOException {
            w.heading(t("三、剂量与限量（修订 ", "3. Dose and constraints (revision ") + s.toRevision() + t("，模板 ", ", template ") + (s.dose().template() == null ? "—"
                    : s.dose().template()) + t("）", ")"));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {t("限量", "Constraint"), "ROI", t("数值", "Value"), t("限值", "Limit"),
                    t("结果", "Result"), t("余量", "Margin")});
            for (ConstraintResult r : s.dose().constraints()) {
                rows.add(new String[] {r.constraint(), r.roi() == null ? "—" : r.roi(),
                        r.value() == null ? "—" : number(r.value(), 2) + " " + r.unit(),
                        number(r.limit(), 2) + " " + r.unit(), outcome(r), r.margin() == null ? (r.note() == null ? "—"
                        : r.note()) : number(r.margin(), 2)});
            }
            w.table(new float[] {0.32f, 0.16f, 0.13f, 0.12f, 0.11f, 0.16f},
                    new boolean[] {false, true, false, false, true, false}, rows);
            List<DvhSummary> plotted = evaluated(s);
            if (!plotted.isEmpty()) {
                w.space(PageWriter.BODY * 0.6f);
                w.paragraph(t("累积剂量体积直方图（相对体积 %，剂量 Gy）", "Cumulative DVH (relative volume %, dose Gy)"),
                        PageWriter.BODY, true, 0);
                double maxDose = plotted.stream().mapToDouble(d -> d.dmax() == null ? 0 : d.dmax()).max().orElse(0);
                double axis = Math.max(10, Math.ceil(maxDose * 1.05 / 10) * 10);
                for (int i = 0; i < plotted.size(); i += 2) {
                    List<DvhSummary> row = plotted.subList(i, Math.min(i + 2, plotted.size()));
                    w.figure(PLOT_HEIGHT + PageWriter.BODY * 2.5f, (out, left, top, width, labels) ->
                            plotRow(out, labels, row, left, top, width, axis));
                }
            }
        }

        /** The ROIs constraints were evaluated on, in the order of the results. */
        private static List<DvhSummary> evaluated(ReviewSummary s) {
            Set<String> names = new LinkedHashSet<>();
            s.dose().constraints().stream().map(ConstraintResult::roi).filter(java.util.Objects::nonNull).forEach(names::add);
            List<DvhSummary> out = new ArrayList<>();
            for (String n : names) {
                s.dose().rois().stream().filter(d -> d.roiName().equals(n) && d.volume() > 0).findFirst().ifPresent(out::add);
            }
            return out;
        }

        private void plotRow(PDPageContentStream out, PageWriter labels, List<DvhSummary> row, float left, float top,
                             float width, double axis) throws IOException {
            float gap = 24f;
            float plotWidth = (width - gap) / 2 - 28f;
            for (int i = 0; i < row.size(); i++) {
                float x0 = left + 28f + i * (plotWidth + 28f + gap);
                float y0 = top - PLOT_HEIGHT - PageWriter.BODY * 1.2f;
                plot(out, labels, row.get(i), x0, y0, plotWidth, axis, COLOURS[i % COLOURS.length]);
            }
        }

        /** One cumulative DVH: frame, grid every 10 Gy and 20 %, the curve, the ROI's name and Dmean. */
        private void plot(PDPageContentStream out, PageWriter labels, DvhSummary d, float x0, float y0, float width,
                          double axis, float[] colour) throws IOException {
            float height = PLOT_HEIGHT;
            out.setStrokingColor(0.85f, 0.85f, 0.85f);
            out.setLineWidth(0.3f);
            for (int gy = 10; gy < axis; gy += 10) {
                float x = x0 + (float) (gy / axis) * width;
                out.moveTo(x, y0);
                out.lineTo(x, y0 + height);
            }
            for (int pct = 20; pct < 100; pct += 20) {
                float y = y0 + pct / 100f * height;
                out.moveTo(x0, y);
                out.lineTo(x0 + width, y);
            }
            out.stroke();
            out.setStrokingColor(0f, 0f, 0f);
            out.setLineWidth(0.6f);
            out.addRect(x0, y0, width, height);
            out.stroke();
            out.setStrokingColor(colour[0], colour[1], colour[2]);
            out.setLineWidth(1.2f);
            double[] cumulative = d.cumulative();
            for (int b = 0; b < cumulative.length; b++) {
                double dose = b * d.binWidth();
                if (dose > axis) {
                    break;
                }
                float x = x0 + (float) (dose / axis) * width;
                float y = y0 + (float) (Math.min(1, cumulative[b] / d.volume())) * height;
                if (b == 0) {
                    out.moveTo(x, y);
                } else {
                    out.lineTo(x, y);
                }
            }
            out.stroke();
            out.setStrokingColor(0f, 0f, 0f);
            float small = PageWriter.BODY * 0.75f;
            labels.text("100", x0 - labels.textWidth("100", small) - 2, y0 + height - small / 2, small);
            labels.text("0", x0 - labels.textWidth("0", small) - 2, y0 - small / 2, small);
            String max = (int) axis + " Gy";
            labels.text(max, x0 + width - labels.textWidth(max, small), y0 - small * 1.4f, small);
            String title = d.roiName() + (d.dmean() == null ? "" : String.format(Locale.ROOT, "  Dmean %.1f Gy", d.dmean()));
            labels.text(title, x0, y0 + height + small * 0.6f, PageWriter.BODY * 0.85f);
        }

        private void decision(Decisions.DecisionView d) throws IOException {
            w.heading(t("四、审核结论", "4. Decision"));
            w.labelled(t("状态", "State"), state(d));
            w.labelled(t("接受的修订", "Accepted revision"), d.acceptedRevision() == null ? "—" : d.acceptedRevision().toString());
            if (d.lastReturn() != null) {
                var r = d.lastReturn();
                w.labelled(t("最近一次退回", "Last return"), t("修订 ", "revision ") + r.revision() + t("，", ", ")
                        + r.decidedBy() + " " + TIME.format(r.decidedAt().atZone(ZONE)));
                w.labelled(t("说明", "Note"), r.note());
                for (Decisions.NumberedChange c : r.requiredChanges()) {
                    w.paragraph(c.number() + ". [" + c.category() + (c.roi() == null ? "" : " · " + c.roi()) + "] "
                            + c.text(), PageWriter.BODY, false, PageWriter.BODY);
                }
            }
            w.heading(t("五、签名", "5. Sign-offs"));
            if (d.signatures().isEmpty()) {
                w.paragraph("—", PageWriter.BODY, false, 0);
                return;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {t("身份", "Capacity"), t("签名人", "Signed by"), t("修订", "Revision"), t("时间", "Time")});
            for (Decisions.Signature sig : d.signatures()) {
                rows.add(new String[] {sig.capacity().equals("PHYSICIAN") ? t("审核医师", "Reviewing physician")
                        : t("物理师", "Physicist"), sig.signedBy(), Integer.toString(sig.revision()),
                        TIME.format(sig.signedAt().atZone(ZONE))});
            }
            w.table(new float[] {0.25f, 0.3f, 0.15f, 0.3f}, new boolean[] {true, false, false, false}, rows);
        }

        private String state(Decisions.DecisionView d) {
            return switch (d.state()) {
                case APPROVED -> t("审核通过", "Approved");
                case RETURNED -> t("退回修改", "Returned for changes");
                case AWAITING_REVIEW -> t("待审核", "Awaiting review");
                case BLOCKED -> t("一致性检查未通过", "Blocked by consistency errors");
                case AWAITING_OBJECTS -> t("等待影像与计划对象", "Awaiting objects");
            };
        }

        private String outcome(ConstraintResult r) {
            return switch (r.outcome()) {
                case PASS -> t("通过", "pass");
                case FAIL -> t("未通过", "FAIL");
                case NOT_EVALUABLE -> t("无法评估", "not evaluable");
            };
        }

        private static String number(Double value, int decimals) {
            return value == null ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
    }
}
