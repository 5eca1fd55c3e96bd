package org.consilium.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo data of the MDT board for {@code bin/run}, made through the API as the people would: a consult of
 * 王建国 scheduled for next week's thoracic board, and a consult of 张三 (the Chinese-name sample study)
 * discussed in an ad-hoc session and signed, so that its report sits in the study and its follow-up is due.
 * Runs once: a system that already has the demo patient is left alone.
 */
public final class BoardDemo {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final String issuer;
    private final Map<String, String> tokens = new HashMap<>();

    public BoardDemo(String base, String issuer) {
        this.base = base;
        this.issuer = issuer;
    }

    /** Creates the demo meetings unless they exist; returns how many consults it added. */
    public int load() throws IOException, InterruptedException {
        if (call("cx.doctor", "GET", "/api/patients?localId=CX-DEMO-0201", null).path("total").asLong() > 0) {
            return 0;
        }
        String scheduled = acceptedConsult("CX-DEMO-0201", "王建国", "1962-07-19", null,
                "男，64岁，体检发现左肺下叶结节 2.1 cm，PET-CT 未见远处转移。/ 64-year-old man, 2.1 cm LLL nodule, no distant disease on PET-CT.",
                "是否可行根治性手术？/ Is curative surgery possible?");
        Instant nextWeek = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(6));
        meeting("BOARD", "胸部肿瘤 MDT（第 48 期）/ Thoracic tumour board", nextWeek, List.of(scheduled),
                List.of("dr.zhao", "dr.sun", "dr.zhou", "cx.doctor"));

        String signed = acceptedConsult("CN-0001", "张三", "1956-02-03", "1.2.826.0.1.3680043.10.1453.2.1.3",
                "男，70岁，咳嗽伴痰中带血 2 月，CT 示右肺上叶 3.2 cm 占位伴肺门淋巴结肿大，穿刺病理：浸润性腺癌。"
                        + " / 70-year-old man, RUL 3.2 cm mass with a hilar node; biopsy: invasive adenocarcinoma.",
                "手术还是同步放化疗？/ Surgery or concurrent chemoradiotherapy?");
        Instant earlier = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
        String session = meeting("AD_HOC", "临时会诊：张三 / Ad-hoc session", earlier, List.of(signed),
                List.of("dr.zhao", "dr.sun"));
        call("dr.li", "POST", "/api/meetings/" + session + "/session/open", Map.of());
        call("dr.li", "PUT", "/api/meetings/" + session + "/session/presenting", Map.of("consultId", signed));
        call("dr.zhao", "POST", "/api/meetings/" + session + "/session/attendance", Map.of());
        call("dr.sun", "POST", "/api/meetings/" + session + "/session/attendance", Map.of());
        String recs = "/api/consults/" + signed + "/recommendations";
        String rec = call("dr.li", "POST", recs, Map.of("content", content())).get("id").asText();
        call("dr.sun", "PUT", recs + "/" + rec + "/opinions/me", Map.of("position", "AGREE",
                "comment", "肺功能允许肺叶切除 / lung function allows lobectomy"));
        call("dr.zhao", "PUT", recs + "/" + rec + "/opinions/me", Map.of("position", "DISSENT",
                "comment", "建议先行新辅助化疗 / I would give neoadjuvant chemotherapy first"));
        call("dr.li", "POST", recs + "/" + rec + "/finalise", Map.of());
        for (String signer : List.of("dr.zhao", "dr.sun", "dr.li")) {
            call(signer, "POST", recs + "/" + rec + "/signatures", Map.of());
        }
        call("dr.li", "POST", "/api/meetings/" + session + "/session/close", Map.of());
        return 2;
    }

    private String acceptedConsult(String localId, String name, String birthDate, String studyUid, String summary,
                                   String question) throws IOException, InterruptedException {
        String patient = call("cx.doctor", "POST", "/api/patients", Map.of("localId", localId, "name", name,
                "sex", "M", "birthDate", birthDate)).get("id").asText();
        Map<String, Object> request = new HashMap<>(Map.of("patientId", patient, "clinicalSummary", summary,
                "question", question, "urgency", "URGENT",
                "requestedDisciplines", List.of("surgery", "medical-oncology", "radiation-oncology")));
        if (studyUid != null) {
            request.put("studyUids", List.of(studyUid));
        }
        JsonNode consult = call("cx.doctor", "POST", "/api/consults", request);
        String id = consult.get("id").asText();
        call("cm.wang", "POST", "/api/consults/" + id + "/transitions",
                Map.of("action", "ACCEPT", "version", consult.get("version").asLong()));
        return id;
    }

    private String meeting(String kind, String title, Instant start, List<String> consults, List<String> invitees)
            throws IOException, InterruptedException {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("title", title);
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(Duration.ofMinutes(90)).toString());
        body.put("place", "门诊楼 5 楼会诊中心 / Outpatient building, 5th floor");
        body.put("onlineUrl", "https://meet.example.org/mdt-thoracic");
        body.put("chairId", userId("dr.li"));
        body.put("consultIds", consults);
        List<String> ids = new java.util.ArrayList<>();
        for (String u : invitees) {
            ids.add(userId(u));
        }
        body.put("inviteeIds", ids);
        return call("cm.wang", "POST", "/api/meetings", body).get("id").asText();
    }

    private static Map<String, Object> content() {
        return Map.of(
                "evaluation", Map.of("ecog", 1,
                        "organFunction", Map.of("cardiac", "NORMAL", "pulmonary", "MILD", "hepatic", "NORMAL",
                                "renal", "NORMAL"),
                        "surgicalTolerance", "TOLERABLE",
                        "tnm", Map.of("site", "lung", "t", "cT2a", "n", "cN1", "m", "cM0", "stageGroup", "IIB"),
                        "notes", "FEV1 1.9 L (72%), DLCO 68%"),
                "intent", "CURATIVE",
                "modalities", List.of(
                        Map.of("modality", "SURGERY", "sequence", 1,
                                "detail", "胸腔镜右肺上叶切除 + 系统性淋巴结清扫 / VATS right upper lobectomy"),
                        Map.of("modality", "CHEMOTHERAPY", "sequence", 2,
                                "detail", "辅助顺铂 + 培美曲塞 4 周期 / adjuvant cisplatin + pemetrexed x4")),
                "rationale", "周围型 T2a 肿瘤伴单站肺门淋巴结，肺功能可耐受肺叶切除，建议手术切除后辅助化疗。"
                        + " / Peripheral T2a tumour with one hilar node, fit for lobectomy: surgery then adjuvant chemotherapy.",
                "followUps", List.of(Map.of("title", "术后 4 周复查胸部 CT / chest CT 4 weeks after surgery",
                        "dueInDays", 42)));
    }

    private String userId(String username) throws IOException, InterruptedException {
        return call(username, "GET", "/api/me", null).get("id").asText();
    }

    private JsonNode call(String user, String method, String path, Object body) throws IOException,
            InterruptedException {
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token(user)).header("Accept", "application/json");
        if (body == null) {
            rq.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            rq.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> r = http.send(rq.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IOException("demo board: " + method + " " + path + " as " + user + " answered " + r.statusCode()
                    + " " + r.body());
        }
        return json.readTree(r.body());
    }

    private String token(String username) throws IOException, InterruptedException {
        String cached = tokens.get(username);
        if (cached == null) {
            cached = new SampleLoader(base, issuer).token(username);
            tokens.put(username, cached);
        }
        return cached;
    }
}
