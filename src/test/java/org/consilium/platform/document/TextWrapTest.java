package org.consilium.platform.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextWrapTest {

    /** Every character one unit wide, so a line width is a character count. */
    private final TextWrap wrap = new TextWrap(s -> s.codePointCount(0, s.length()));

    @Test
    void chineseBreaksBetweenAnyTwoCharacters() {
        assertEquals(List.of("患者女六十", "五岁咳嗽"), wrap.lines("患者女六十五岁咳嗽", 5));
    }

    @Test
    void latinBreaksAtSpacesAndKeepsWordsWhole() {
        assertEquals(List.of("60 Gy /", "30 fx,", "IMRT"), wrap.lines("60 Gy / 30 fx, IMRT", 7));
    }

    @Test
    void mixedTextBreaksBeforeALatinWordThatDoesNotFit() {
        assertEquals(List.of("建议完善", "PD-L1检测"), wrap.lines("建议完善PD-L1检测", 7));
    }

    @Test
    void closingPunctuationHangsOnThePreviousLine() {
        assertEquals(List.of("同意放化疗，", "建议复查。"), wrap.lines("同意放化疗，建议复查。", 5));
    }

    @Test
    void openingBracketMovesToTheNextLine() {
        assertEquals(List.of("分期为", "（三期）"), wrap.lines("分期为（三期）", 4));
    }

    @Test
    void aWordLongerThanALineIsCut() {
        assertEquals(List.of("abcd", "efgh", "ij"), wrap.lines("abcdefghij", 4));
    }

    @Test
    void newlinesStartNewLinesAndBlankLinesStay() {
        assertEquals(List.of("第一段", "", "第二段"), wrap.lines("第一段\r\n\n第二段", 10));
    }
}
