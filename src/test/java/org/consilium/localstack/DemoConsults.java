package org.consilium.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo consults for the run command, made through the REST API as the demo users would make them, so that a
 * newcomer sees a living queue: requested (with the sample lung study attached), triaged with specialists
 * assigned, returned for more information and declined. Runs once: a second start finds the first patient.
 */
final class DemoConsults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final SampleLoader login;
    private final Map<String, String> tokens = new HashMap<>();

    DemoConsults(String base, String issuer) {
        this.base = base;
        this.login = new SampleLoader(base, issuer);
    }

    /** Creates the demo consults unless they exist; returns how many were created. */
    int load() throws IOException, InterruptedException {
        if (call("cx.doctor", "GET", "/api/patients?localId=PHANTOM-LUNG-001", null).path("total").asLong() > 0) {
            return 0;
        }
        String lung = patient("cx.doctor", "PHANTOM-LUNG-001", "张建国", "M", "1961-05-08");
        Map<String, Object> r1 = request(lung, "男，65岁，咳嗽伴痰中带血3月。CT示右肺上叶3.2cm分叶状肿块，纵隔4R组淋巴结肿大。"
                        + " / 65-year-old man, 3 months of cough with blood-streaked sputum; CT: 3.2 cm lobulated RUL mass,"
                        + " enlarged 4R nodes.", "可否手术？是否需要新辅助治疗？/ Resectable? Is neoadjuvant therapy indicated?",
                "URGENT", List.of("surgery", "radiation-oncology", "medical-oncology"));
        r1.put("pathology", Map.of("reportNo", "P2026-01873", "specimen", "CT引导下穿刺活检 CT-guided biopsy",
                "primarySite", "右肺上叶 right upper lobe", "histology", "浸润性腺癌 invasive adenocarcinoma",
                "grade", "G2", "reportedOn", "2026-11-02", "markers", Map.of("EGFR", "19del", "ALK", "阴性 negative",
                        "PD-L1", "TPS 60%")));
        r1.put("labs", List.of(lab("CEA", "12.4", "ng/mL", "0-5", "H"), lab("CYFRA21-1", "4.8", "ng/mL", "0-3.3", "H"),
                lab("ALT", "23", "U/L", "9-50", "N")));
        r1.put("studyUids", studiesOf("cx.doctor", "PHANTOM-LUNG-001"));
        call("cx.doctor", "POST", "/api/consults", r1);

        String eso = patient("cx.doctor", "CX-000231", "李秀英", "F", "1956-09-21");
        JsonNode c2 = call("cx.doctor", "POST", "/api/consults", request(eso,
                "女，70岁，进行性吞咽困难2月，胃镜示食管中段溃疡型肿物，距门齿28-33cm。/ 70-year-old woman, progressive"
                        + " dysphagia for 2 months; endoscopy: ulcerated mid-oesophageal mass at 28-33 cm.",
                "根治性放化疗还是手术？/ Definitive chemoradiotherapy or surgery?", "GREEN_CHANNEL",
                List.of("radiation-oncology", "surgery")));
        JsonNode accepted = transition(c2, "ACCEPT", null);
        call("cm.wang", "PUT", "/api/consult-queue/" + accepted.path("id").asText() + "/priority",
                Map.of("priority", 1, "version", accepted.path("version").asLong()));
        for (String discipline : List.of("radiation-oncology", "surgery")) {
            JsonNode specialist = call("cm.wang", "GET", "/api/consult-queue/specialists?discipline=" + discipline, null)
                    .path(0);
            call("cm.wang", "POST", "/api/consult-queue/" + accepted.path("id").asText() + "/assignments",
                    Map.of("userId", specialist.path("id").asText()));
        }

        String rectal = patient("fm.doctor", "FM-1007", "王德明", "M", "1968-02-14");
        transition(call("fm.doctor", "POST", "/api/consults", request(rectal,
                "男，58岁，便血1月，肠镜示距肛缘6cm直肠肿物。/ 58-year-old man, rectal bleeding; colonoscopy: mass 6 cm"
                        + " from the anal verge.", "是否需要新辅助放化疗？/ Is neoadjuvant chemoradiotherapy needed?",
                "ROUTINE", List.of("radiation-oncology", "surgery", "radiology"))), "RETURN",
                "请补充盆腔MRI及病理报告。/ Please add the pelvic MRI and the pathology report.");

        String gastritis = patient("fm.doctor", "FM-1011", "赵桂兰", "F", "1972-11-30");
        transition(call("fm.doctor", "POST", "/api/consults", request(gastritis,
                "女，54岁，上腹不适，胃镜示慢性萎缩性胃炎，病理未见恶性。/ 54-year-old woman, epigastric discomfort;"
                        + " chronic atrophic gastritis, no malignancy on biopsy.", "是否需要进一步治疗？/ Further treatment?",
                "ROUTINE", List.of("medical-oncology"))), "DECLINE",
                "非肿瘤病例，建议消化内科随诊。/ Not an oncology case; gastroenterology follow-up advised.");
        return 4;
    }

    private String patient(String user, String localId, String name, String sex, String birthDate)
            throws IOException, InterruptedException {
        return call(user, "POST", "/api/patients", Map.of("localId", localId, "name", name, "sex", sex,
                "birthDate", birthDate)).path("id").asText();
    }

    private static Map<String, Object> request(String patientId, String summary, String question, String urgency,
                                               List<String> disciplines) {
        Map<String, Object> r = new HashMap<>();
        r.put("patientId", patientId);
        r.put("clinicalSummary", summary);
        r.put("question", question);
        r.put("urgency", urgency);
        r.put("requestedDisciplines", disciplines);
        return r;
    }

    private static Map<String, String> lab(String test, String value, String unit, String range, String flag) {
        return Map.of("test", test, "value", value, "unit", unit, "referenceRange", range, "flag", flag,
                "collectedOn", "2026-11-01");
    }

    private JsonNode transition(JsonNode consult, String action, String note) throws IOException, InterruptedException {
        Map<String, Object> body = new HashMap<>(Map.of("action", action, "version", consult.path("version").asLong()));
        if (note != null) {
            body.put("note", note);
        }
        return call("cm.wang", "POST", "/api/consults/" + consult.path("id").asText() + "/transitions", body);
    }

    /** The StudyInstanceUIDs the archive holds for a PatientID (QIDO-RS; 204 when there are none). */
    private List<String> studiesOf(String user, String patientId) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/dicomweb/studies?PatientID="
                        + URLEncoder.encode(patientId, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token(user)).header("Accept", "application/dicom+json").build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> uids = new ArrayList<>();
        if (r.statusCode() == 200) {
            for (JsonNode study : JSON.readTree(r.body())) {
                uids.add(study.path("0020000D").path("Value").path(0).asText());
            }
        }
        return uids;
    }

    private JsonNode call(String user, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token(user)).header("Accept", "application/json");
        if (body == null) {
            rq.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            rq.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<String> r = http.send(rq.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IOException("demo consults: " + method + " " + path + " as " + user + " failed: "
                    + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private String token(String user) throws IOException, InterruptedException {
        String cached = tokens.get(user);
        if (cached == null) {
            cached = login.token(user);
            tokens.put(user, cached);
        }
        return cached;
    }
}
