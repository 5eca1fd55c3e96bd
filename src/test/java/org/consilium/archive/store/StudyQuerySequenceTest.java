package org.consilium.archive.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.junit.jupiter.api.Test;

/** The SQL/JSON path a sequence key becomes: values stay data whatever characters they hold. */
class StudyQuerySequenceTest {

    @Test
    void quotesAndBackslashesStayInsideTheStringLiteral() {
        assertEquals("\"a\\\"b\\\\c\"", StudyQuery.jsonPathString("a\"b\\c"));
        assertEquals("\"\\u0001\"", StudyQuery.jsonPathString("\u0001"));
    }

    @Test
    void wildcardsBecomeAnAnchoredRegexAndEverythingElseIsLiteral() {
        assertEquals("^CT\\..*-.$", StudyQuery.wildcardRegex("CT.*-?"));
        assertEquals("^\\(\\[\\$\\|\\\\\\)$", StudyQuery.wildcardRegex("([$|\\)"));
    }

    @Test
    void itemKeysBecomeOnePathOverTheLevelsColumn() {
        StudyQuery query = new StudyQuery(QueryLevel.SERIES, UUID.randomUUID(), false);
        Attributes item = new Attributes();
        item.setString(Tag.RequestedProcedureID, VR.SH, "RP\"1");
        item.setString(Tag.ScheduledProcedureStepID, VR.SH, "SPS*");
        item.setString(Tag.ScheduledProcedureStepDescription, VR.LO); // universal
        item.setString(Tag.PatientID, VR.LO, "ignored"); // not an item key we match on
        assertTrue(query.matchSequence(Tag.RequestAttributesSequence, item));
        assertTrue(query.fromWhere().contains("jsonb_path_exists(se.attributes::jsonb, ?::jsonpath)"), query.fromWhere());
        assertEquals("$.\"00400275\".Value[*] ? (@.\"00400009\".Value[*] like_regex \"^SPS.*$\""
                + " && @.\"00401001\".Value[*] == \"RP\\\"1\")", query.params().get(query.params().size() - 1));
    }

    @Test
    void aSequenceOfALowerLevelOrUnknownIsNotAKey() {
        StudyQuery study = new StudyQuery(QueryLevel.STUDY, UUID.randomUUID(), false);
        assertFalse(study.matchSequence(Tag.RequestAttributesSequence, new Attributes()));
        assertFalse(study.matchSequence(Tag.ReferencedStudySequence, new Attributes()));
        assertTrue(study.matchSequence(Tag.ProcedureCodeSequence, null), "an empty item is universal");
        assertFalse(study.fromWhere().contains("jsonb_path_exists"), study.fromWhere());
    }
}
