package org.consilium.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

    @Test
    void chineseNamesAreFamilyFirstWithoutSpace() {
        assertEquals("李明", PersonNames.display("李", "明", "dr.li"));
    }

    @Test
    void westernNamesAreGivenFirst() {
        assertEquals("Anna Smith", PersonNames.display("Smith", "Anna", "asmith"));
    }

    @Test
    void missingNamesFallBackToUsername() {
        assertEquals("svc", PersonNames.display(null, " ", "svc"));
        assertEquals("王", PersonNames.display("王", null, "w"));
    }
}
