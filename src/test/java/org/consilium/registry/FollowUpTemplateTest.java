package org.consilium.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.consilium.registry.followup.FollowUpTemplate;
import org.junit.jupiter.api.Test;

class FollowUpTemplateTest {

    @Test
    void theTemplateFollowsTheCancerTypeAndStage() {
        assertEquals(FollowUpTemplate.BREAST, FollowUpTemplate.forTumor("C50.4", "IIA"));
        assertEquals(FollowUpTemplate.INTENSIVE, FollowUpTemplate.forTumor("C34.1", "IA"));
        assertEquals(FollowUpTemplate.INTENSIVE, FollowUpTemplate.forTumor("C16.0", "IIIB"));
        assertEquals(FollowUpTemplate.EARLY, FollowUpTemplate.forTumor("C18.7", "I"));
        assertEquals(FollowUpTemplate.EARLY, FollowUpTemplate.forTumor("C18.7", "0"));
        assertEquals(FollowUpTemplate.STANDARD, FollowUpTemplate.forTumor("C16.0", "IIB"));
    }

    @Test
    void everyThreeMonthsForTwoYearsThenEverySixMonthsToFiveYears() {
        List<LocalDate> visits = FollowUpTemplate.STANDARD.visits(LocalDate.of(2026, 1, 31));
        assertEquals(8 + 6, visits.size());
        assertEquals(LocalDate.of(2026, 4, 30), visits.get(0));
        assertEquals(LocalDate.of(2028, 1, 31), visits.get(7));
        assertEquals(LocalDate.of(2028, 7, 31), visits.get(8));
        assertEquals(LocalDate.of(2031, 1, 31), visits.get(13));
        assertEquals(12 + 4, FollowUpTemplate.INTENSIVE.visits(LocalDate.of(2026, 1, 1)).size());
        assertEquals(10 + 5, FollowUpTemplate.BREAST.visits(LocalDate.of(2026, 1, 1)).size());
    }
}
