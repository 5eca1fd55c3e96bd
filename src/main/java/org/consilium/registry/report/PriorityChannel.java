package org.consilium.registry.report;

/** The priority channel (优先通道) of a recorded report: each flag with who arranged it and when, or null. */
public record PriorityChannel(Arrangement examination, Arrangement consultation, Arrangement admission) {

    static PriorityChannel of(TumorReport r) {
        return new PriorityChannel(Arrangement.of(r.priorityExamBy, r.priorityExamAt),
                Arrangement.of(r.priorityConsultBy, r.priorityConsultAt),
                Arrangement.of(r.priorityAdmissionBy, r.priorityAdmissionAt));
    }
}
