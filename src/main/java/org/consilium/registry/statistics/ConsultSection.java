package org.consilium.registry.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.consilium.consult.ConsultStatistics;

/** Consults per month and the turnaround of each step, from the consult capability's own statistics. */
@ApplicationScoped
class ConsultSection implements Section {

    @Inject
    ConsultStatistics consults;

    @Override
    public String name() {
        return "consults";
    }

    @Override
    public void add(Window w, Sheet out) {
        ConsultStatistics.Figures f = consults.figures(w.user(), w.hospitals(), w.start(), w.end());
        out.count("consults.requested", f.requested());
        out.count("consults.signed", f.signed());
        Map<String, ConsultStatistics.Month> months = f.months().stream()
                .collect(Collectors.toMap(ConsultStatistics.Month::month, Function.identity()));
        out.breakdown("consults.perMonth", List.of("requested", "signed"), w.months().stream().map(m -> {
            ConsultStatistics.Month n = months.get(m);
            return new Breakdown.Row(m, n == null ? List.of(0.0, 0.0) : List.of((double) n.requested(), (double) n.signed()));
        }).toList());
        out.breakdown("consults.turnaround", List.of("consults", "medianSeconds", "p90Seconds"), f.steps().stream()
                .map(s -> new Breakdown.Row(s.step(), Arrays.asList((double) s.count(), s.medianSeconds(), s.p90Seconds())))
                .toList());
    }
}
