package org.consilium.consult.document;

import org.consilium.platform.document.DocumentLanguage;
import org.consilium.platform.document.CjkFont;
import org.consilium.platform.document.PageWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.consilium.consult.document.OpinionDocument.Evaluation;
import org.consilium.consult.document.OpinionDocument.Modality;
import org.consilium.consult.document.OpinionDocument.Participant;

/**
 * Renders the consult opinion document (会诊意见书) as PDF: a header table, the question and summary, the
 * evaluation, the recommendation, each participant's opinion, follow-up, and a signature block; numbered
 * pages. The Chinese and English variants differ in labels and coded terms; free text is printed as entered.
 * The CJK face is embedded as a subset, so a document is a few tens of kilobytes.
 *
 * <pre>{@code
 * byte[] pdf = new OpinionPdf().render(document, DocumentLanguage.ZH_CN);
 * }</pre>
 */
public final class OpinionPdf {

    /** Times are printed in the alliance's zone. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    private static final String[] ZH_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private final CjkFont font;
    private final ZoneId zone;

    /** With the font found by {@link CjkFont#locate()} and times in Asia/Shanghai. */
    public OpinionPdf() {
        this(CjkFont.locate(), DEFAULT_ZONE);
    }

    public OpinionPdf(CjkFont font, ZoneId zone) {
        this.font = font;
        this.zone = zone;
    }

    public byte[] render(OpinionDocument d, DocumentLanguage language) {
        try (CjkFont.Face face = font.open(); PDDocument doc = new PDDocument()) {
            PDType0Font pdfFont = PDType0Font.load(doc, face.font(), true);
            Vocabulary v = new Vocabulary(language);
            describe(doc, d, v, language);
            PageWriter w = new PageWriter(doc, pdfFont, face);
            new Composer(w, v, language).write(d);
            String ref = d.consultingHospital() == null ? "" : d.consultingHospital();
            if (d.documentNumber() != null) {
                ref += "  " + v.label("documentNumber") + " " + d.documentNumber();
            }
            w.finish(ref, (page, total) -> v.label("page", page, total));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the opinion document with " + font, e);
        }
    }

    private void describe(PDDocument doc, OpinionDocument d, Vocabulary v, DocumentLanguage language) {
        PDDocumentInformation info = doc.getDocumentInformation();
        String name = d.patient() == null ? "" : d.patient().name();
        info.setTitle(v.label("title") + " — " + name);
        info.setCreator("Consilium");
        info.setProducer("Consilium / Apache PDFBox");
        if (d.issuedAt() != null) {
            Calendar issued = new GregorianCalendar(TimeZone.getTimeZone(zone));
            issued.setTimeInMillis(d.issuedAt().toEpochMilli());
            info.setCreationDate(issued);
        }
        doc.getDocumentCatalog().setLanguage(language.tag);
    }

    /** Writes the sections of one document in one language. */
    private final class Composer {

        private final PageWriter w;
        private final Vocabulary v;
        private final DocumentLanguage language;
        private int section;

        Composer(PageWriter w, Vocabulary v, DocumentLanguage language) {
            this.w = w;
            this.v = v;
            this.language = language;
        }

        void write(OpinionDocument d) throws IOException {
            if (d.consultingHospital() != null) {
                w.centred(d.consultingHospital(), 14f, true);
            }
            w.centred(v.label("title"), 18f, true);
            w.space(PageWriter.BODY);
            header(d);
            if (d.consult() != null) {
                section("question", d.consult().question());
                section("clinicalSummary", d.consult().clinicalSummary());
            }
            evaluation(d.evaluation());
            recommendation(d.recommendation());
            participants(d.participants());
            followUps(d.followUps());
            signatures(d);
        }

        private void header(OpinionDocument d) throws IOException {
            OpinionDocument.Patient p = d.patient() == null
                    ? new OpinionDocument.Patient(null, null, null, null, null) : d.patient();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {v.label("patientName"), p.name(), v.label("sex"), v.term("sex", p.sex())});
            rows.add(new String[] {v.label("age"), age(p, d.issuedAt(), v), v.label("birthDate"), date(p.birthDate())});
            rows.add(new String[] {v.label("localId"), p.localId(), v.label("urgency"),
                    d.consult() == null ? null : v.term("urgency", d.consult().urgency())});
            rows.add(new String[] {v.label("requestingHospital"), d.requestingHospital(),
                    v.label("consultingHospital"), d.consultingHospital()});
            rows.add(new String[] {v.label("documentNumber"), d.documentNumber(), v.label("issuedAt"),
                    dateTime(d.issuedAt())});
            if (d.version() != null) {
                rows.add(new String[] {v.label("version"), version(d.version()), "", ""});
            }
            w.table(new float[] {0.21f, 0.29f, 0.21f, 0.29f}, new boolean[] {true, false, true, false}, rows);
        }

        private String version(OpinionDocument.Version version) {
            StringBuilder b = new StringBuilder().append(version.number());
            if (version.amends() != null) {
                b.append(language == DocumentLanguage.ZH_CN ? "（" : " (").append(v.label("amends", version.amends()));
                if (version.amendmentReason() != null && !version.amendmentReason().isBlank()) {
                    b.append(language == DocumentLanguage.ZH_CN ? "：" : ": ").append(version.amendmentReason());
                }
                b.append(language == DocumentLanguage.ZH_CN ? "）" : ")");
            }
            return b.toString();
        }

        private void evaluation(Evaluation e) throws IOException {
            if (e == null) {
                return;
            }
            heading("evaluation");
            w.labelled(v.label("ecog"), e.ecog() == null ? null : e.ecog().toString());
            if (e.organFunction() != null) {
                var o = e.organFunction();
                String sep = language == DocumentLanguage.ZH_CN ? "；" : "; ";
                w.labelled(v.label("organFunction"), String.join(sep,
                        organ("cardiac", o.cardiac()), organ("pulmonary", o.pulmonary()),
                        organ("hepatic", o.hepatic()), organ("renal", o.renal())));
            }
            w.labelled(v.label("surgicalTolerance"), v.term("tolerance", e.surgicalTolerance()));
            if (e.tnm() != null) {
                var t = e.tnm();
                String tnm = String.join(" ", nz(t.t()), nz(t.n()), nz(t.m())).strip();
                if (t.stageGroup() != null && !t.stageGroup().isBlank()) {
                    tnm += (language == DocumentLanguage.ZH_CN ? "，" : ", ") + v.label("stageGroup") + " "
                            + t.stageGroup();
                }
                w.labelled(v.label("tnm"), tnm);
            }
        }

        private String organ(String organ, String code) {
            return v.label(organ) + " " + (code == null || code.isBlank() ? "—" : v.term("organ", code));
        }

        private void recommendation(OpinionDocument.Recommendation r) throws IOException {
            if (r == null) {
                return;
            }
            heading("recommendation");
            w.labelled(v.label("intent"), v.term("intent", r.intent()));
            w.paragraph(v.label("modalities"), PageWriter.BODY, true, 0);
            for (Modality m : r.modalities().stream()
                    .sorted((a, b) -> Integer.compare(a.sequence(), b.sequence())).toList()) {
                String line = m.sequence() + ". " + v.term("modality", m.modality());
                if (m.detail() != null && !m.detail().isBlank()) {
                    line += " — " + m.detail();
                }
                w.paragraph(line, PageWriter.BODY, false, PageWriter.BODY * 2);
            }
            w.labelled(v.label("rationale"), r.rationale());
        }

        private void participants(List<Participant> participants) throws IOException {
            if (participants.isEmpty()) {
                return;
            }
            heading("participants");
            for (Participant p : participants) {
                String who = nz(p.name()) + (language == DocumentLanguage.ZH_CN ? "（" : " (")
                        + nz(v.term("discipline", p.discipline())) + (language == DocumentLanguage.ZH_CN ? "）" : ")");
                if (p.dissent()) {
                    who += "  [" + v.label("dissent") + "]";
                }
                w.paragraph(who, PageWriter.BODY, true, 0);
                w.paragraph(p.opinion() == null || p.opinion().isBlank() ? "—" : p.opinion(), PageWriter.BODY,
                        false, PageWriter.BODY * 2);
            }
        }

        private void followUps(List<OpinionDocument.FollowUp> followUps) throws IOException {
            heading("followUps");
            if (followUps.isEmpty()) {
                w.paragraph(v.label("none"), PageWriter.BODY, false, 0);
                return;
            }
            int n = 1;
            for (OpinionDocument.FollowUp f : followUps) {
                String line = n++ + ". " + nz(f.task());
                if (f.due() != null) {
                    line += language == DocumentLanguage.ZH_CN ? "（" + v.label("due") + " " + date(f.due()) + "）"
                            : " (" + v.label("due") + " " + date(f.due()) + ")";
                }
                if (f.assignee() != null && !f.assignee().isBlank()) {
                    line += " " + v.label("assignee") + (language == DocumentLanguage.ZH_CN ? "：" : ": ") + f.assignee();
                }
                w.paragraph(line, PageWriter.BODY, false, PageWriter.BODY);
            }
        }

        private void signatures(OpinionDocument d) throws IOException {
            w.keep(d.participants().size() + 4); // the block stays on one page, with its heading
            heading("signatures");
            w.labelled(v.label("chair"), d.chair());
            w.space(PageWriter.BODY * 0.4f);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {v.label("name"), v.label("discipline"),
                    v.label("signedAt")});
            for (Participant p : d.participants()) {
                rows.add(new String[] {p.name(), v.term("discipline", p.discipline()),
                        p.signedAt() == null ? v.label("unsigned") : dateTime(p.signedAt())});
            }
            w.table(new float[] {0.3f, 0.3f, 0.4f}, new boolean[] {false, false, false}, rows);
        }

        private void section(String label, String text) throws IOException {
            heading(label);
            w.paragraph(text == null || text.isBlank() ? "—" : text, PageWriter.BODY, false, 0);
        }

        private void heading(String label) throws IOException {
            section++;
            String number = language == DocumentLanguage.ZH_CN && section <= ZH_NUMBERS.length
                    ? ZH_NUMBERS[section - 1] + "、" : section + ". ";
            w.heading(number + v.label(label));
        }
    }

    private String age(OpinionDocument.Patient p, Instant at, Vocabulary v) {
        Integer years = p.age();
        if (p.birthDate() != null) {
            LocalDate on = at == null ? LocalDate.now(zone) : at.atZone(zone).toLocalDate();
            years = Period.between(p.birthDate(), on).getYears();
        }
        return years == null ? null : v.label("years", years);
    }

    private String dateTime(Instant t) {
        return t == null ? null : DATE_TIME.format(t.atZone(zone));
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
