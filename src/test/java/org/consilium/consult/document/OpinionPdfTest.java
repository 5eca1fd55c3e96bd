package org.consilium.consult.document;

import org.consilium.platform.document.DocumentLanguage;
import org.consilium.platform.document.CjkFont;
import org.consilium.platform.document.PageWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class OpinionPdfTest {

    private static final OpinionPdf PDF = new OpinionPdf();

    @Test
    void chineseVariantCarriesThePatientNameAndTheRecommendation() throws IOException {
        String text = text(PDF.render(SampleOpinions.lungCase(), DocumentLanguage.ZH_CN));
        assertTrue(text.contains("多学科会诊意见书"), text);
        assertTrue(text.contains(SampleOpinions.PATIENT), text);
        assertTrue(flat(text).contains(flat(SampleOpinions.RATIONALE)), text);
        assertTrue(text.contains("根治性"), "intent in Chinese: " + text);
        assertTrue(text.contains("1. 化疗 — 含铂双药同步化疗"), text);
        assertTrue(text.contains("2. 免疫治疗"), text);
        assertTrue(text.contains("cT2a cN2 cM0，分期 IIIA"), text);
        assertTrue(text.contains("孙伟（外科）  [保留意见]"), text);
        assertTrue(text.contains("未签名"), "the unsigned participant is marked: " + text);
        assertTrue(text.contains("2026-11-20 15:40 +08:00"), "signing time in Asia/Shanghai: " + text);
        assertTrue(text.contains("修订自第 1 版"), text);
        assertTrue(text.contains("65 岁"), "age at issue from the birth date: " + text);
        assertTrue(text.matches("(?s).*第 1 页 / 共 \\d 页.*"), text);
    }

    @Test
    void englishVariantHasEnglishLabelsAndKeepsTheChineseName() throws IOException {
        byte[] pdf = PDF.render(SampleOpinions.lungCase(), DocumentLanguage.EN);
        String text = text(pdf);
        for (String label : new String[] {"Multidisciplinary Team Consult Opinion", "Patient name", "Date of birth",
                "Requesting hospital", "Question to the board", "Clinical summary", "ECOG performance status",
                "Organ function", "Surgical tolerance", "TNM (AJCC 8th edition)", "Treatment intent",
                "Recommended modalities, in sequence", "Rationale", "Signatures", "Chair", "Page 1 of"}) {
            assertTrue(text.replaceAll("\\s+", " ").contains(label), label + " missing in: " + text);
        }
        assertTrue(text.contains("female") && text.contains("curative") && text.contains("green") == false);
        assertTrue(text.contains("1. radiotherapy — 60 Gy / 30 fx, IMRT"), text);
        assertTrue(text.contains("[dissent]"), text);
        assertTrue(text.contains(SampleOpinions.PATIENT), text);
        assertFalse(text.contains("患者姓名"), "no Chinese labels in the English variant");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals("en", doc.getDocumentCatalog().getLanguage());
        }
    }

    @Test
    void embedsOnlyASubsetOfTheCjkFont() throws IOException {
        byte[] pdf = PDF.render(SampleOpinions.lungCase(), DocumentLanguage.ZH_CN);
        assertTrue(pdf.length < 150_000, "subset keeps the file small, was " + pdf.length);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var resources = doc.getPage(0).getResources();
            COSName name = resources.getFontNames().iterator().next();
            PDFont font = resources.getFont(name);
            assertTrue(font instanceof PDType0Font);
            assertTrue(font.isEmbedded());
            assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), "subset tag in " + font.getName());
        }
    }

    @Test
    void longChineseTextWrapsAndFlowsOntoMorePages() throws IOException {
        String sentence = "患者既往有高血压病史十余年，规律服药，血压控制可；否认糖尿病、冠心病史。";
        String summary = sentence.repeat(80);
        byte[] pdf = PDF.render(SampleOpinions.lungCase(summary), DocumentLanguage.ZH_CN);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 3, "pages: " + pages);
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("第 " + pages + " 页 / 共 " + pages + " 页"), text);
            String body = text.lines().filter(l -> !l.contains("会诊编号 MDT-2026-0042 第")).reduce("", String::concat);
            assertEquals(80, count(body, sentence), "every sentence survives the wrapping");
            assertTrue(text.lines().noneMatch(l -> l.startsWith("，") || l.startsWith("。")),
                    "no line starts with closing punctuation");
        }
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksInsteadOfFailing() throws IOException {
        String text = text(PDF.render(SampleOpinions.lungCase("体温 37.5℃\u0007，见附图 \uD83D\uDE00。"),
                DocumentLanguage.ZH_CN));
        assertTrue(text.contains("见附图"), text);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Text without line breaks, to compare paragraphs that were wrapped. */
    static String flat(String s) {
        return s.replaceAll("\\R", "");
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
