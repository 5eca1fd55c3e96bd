package org.consilium.consult.recommendation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consilium.consult.ConsultView;
import org.consilium.consult.board.ConsultBoard;
import org.consilium.consult.board.MeetingView;
import org.consilium.consult.document.OpinionDocument;

/** Maps a consult and its signed recommendation to what the opinion document (会诊意见书) prints. */
final class OpinionDocuments {

    /** The signing date printed is the calendar day where the alliance works. */
    private static final ZoneId SIGNED_IN = ZoneId.of("Asia/Shanghai");

    private OpinionDocuments() {
    }

    static OpinionDocument of(ConsultView c, RecommendationView r, ConsultBoard board, String consultingHospital,
                              Integer amendsRevision) {
        RecommendationContent content = r.content();
        Evaluation e = content.evaluation();
        var organs = e.organFunction();
        var tnm = e.tnm();
        var p = c.patient();
        LocalDate signedOn = r.signedAt() == null ? null : r.signedAt().atZone(SIGNED_IN).toLocalDate();
        return new OpinionDocument(c.hospitalName(), consultingHospital, c.id().toString(),
                new OpinionDocument.Patient(p.name(), p.sex(), p.birthDate(), null, p.localId()),
                new OpinionDocument.Consult(c.question(), c.clinicalSummary(), c.urgency().name()),
                new OpinionDocument.Evaluation(e.ecog(), new OpinionDocument.OrganFunction(organs.cardiac().name(),
                        organs.pulmonary().name(), organs.hepatic().name(), organs.renal().name()),
                        e.surgicalTolerance().name(), new OpinionDocument.Tnm(tnm.t(), tnm.n(), tnm.m(), tnm.stageGroup())),
                new OpinionDocument.Recommendation(content.intent().name(), content.modalities().stream()
                        .map(s -> new OpinionDocument.Modality(s.sequence(), s.modality().name(), s.detail())).toList(),
                        content.rationale()),
                participants(r, board), r.chairName(),
                new OpinionDocument.Version(r.revision(), amendsRevision, r.amendmentReason()),
                content.followUpsOrEmpty().stream().map(f -> new OpinionDocument.FollowUp(f.title(),
                        signedOn == null ? null : signedOn.plusDays(f.dueInDays()), c.hospitalName())).toList(),
                r.finalisedAt());
    }

    /** Everyone who signed or gave an opinion, signers first, with their opinion and signature time. */
    private static List<OpinionDocument.Participant> participants(RecommendationView r, ConsultBoard board) {
        Map<String, String> disciplines = new LinkedHashMap<>();
        for (MeetingView.Invitee i : board.invitees()) {
            disciplines.put(i.userId(), i.discipline());
        }
        Map<String, RecommendationView.OpinionView> opinions = new LinkedHashMap<>();
        r.opinions().forEach(o -> opinions.put(o.userId(), o));
        List<OpinionDocument.Participant> out = new ArrayList<>();
        for (RecommendationView.SignatureView s : r.signatures()) {
            RecommendationView.OpinionView o = opinions.remove(s.userId());
            out.add(participant(s.displayName(), disciplines.get(s.userId()), o, s.signedAt()));
        }
        for (RecommendationView.OpinionView o : opinions.values()) {
            out.add(participant(o.displayName(), o.discipline(), o, null));
        }
        return out;
    }

    private static OpinionDocument.Participant participant(String name, String discipline,
                                                           RecommendationView.OpinionView o, java.time.Instant signedAt) {
        String text = o == null ? null : o.comment() == null ? o.position().name() : o.comment();
        boolean dissent = o != null && o.position() == Opinion.Position.DISSENT;
        return new OpinionDocument.Participant(name, discipline != null ? discipline : o == null ? null : o.discipline(),
                text, dissent, signedAt);
    }
}
