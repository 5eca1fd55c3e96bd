package org.consilium.consult.board;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.consilium.localstack.Tokens;
import org.consilium.platform.UuidV7;

/** Test fixtures for the board: triaged consults in the database, users' ids, meetings through the API. */
public final class Board {

    public static final UUID CHANGXING = UUID.fromString("019a0000-0000-7000-8000-000000000002");
    public static final UUID FUMIN = UUID.fromString("019a0000-0000-7000-8000-000000000003");
    private static final Map<String, String> IDS = new ConcurrentHashMap<>();

    private Board() {
    }

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(Tokens.of(username)).contentType(ContentType.JSON);
    }

    /** The Keycloak subject of a demo user. */
    public static String id(String username) {
        return IDS.computeIfAbsent(username, u -> as(u).get("/api/me").then().statusCode(200).extract().path("id"));
    }

    /**
     * A consult the case manager has accepted, straight in the database (the intake API has its own tests),
     * requested by {@code requester} of {@code hospital}, optionally naming a study.
     */
    public static UUID triagedConsult(AgroalDataSource db, UUID hospital, String requester, String patientName,
                                      String studyUid) {
        UUID patient = UuidV7.next();
        UUID consult = UuidV7.next();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into patient (id, hospital_id, local_id, name, sex,"
                    + " birth_date, created_at, updated_at) values (?, ?, ?, ?, 'M', ?, ?, ?)")) {
                ps.setObject(1, patient);
                ps.setObject(2, hospital);
                ps.setString(3, "B" + patient.toString().substring(24));
                ps.setString(4, patientName);
                ps.setObject(5, LocalDate.of(1958, 3, 14));
                ps.setTimestamp(6, now);
                ps.setTimestamp(7, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into consult (id, hospital_id, patient_id, state,"
                    + " urgency, clinical_summary, question, requested_by_id, requested_by, created_at, updated_at,"
                    + " submitted_at, triaged_at) values (?, ?, ?, 'TRIAGED', 'URGENT', ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, consult);
                ps.setObject(2, hospital);
                ps.setObject(3, patient);
                ps.setString(4, "右肺上叶周围型占位 3.2 cm，右肺门淋巴结肿大 / RUL peripheral mass, hilar node");
                ps.setString(5, "手术还是同步放化疗？/ Surgery or chemoradiotherapy?");
                ps.setString(6, id(requester));
                ps.setString(7, requester);
                ps.setTimestamp(8, now);
                ps.setTimestamp(9, now);
                ps.setTimestamp(10, now);
                ps.setTimestamp(11, now);
                ps.executeUpdate();
            }
            if (studyUid != null) {
                try (PreparedStatement ps = c.prepareStatement("insert into consult_study (consult_id, study_uid,"
                        + " attached_by, attached_at, source) values (?, ?, ?, ?, 'REQUEST')")) {
                    ps.setObject(1, consult);
                    ps.setString(2, studyUid);
                    ps.setString(3, requester);
                    ps.setTimestamp(4, now);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return consult;
    }

    /** A meeting body chaired by {@code chair} with the consults in order, starting tomorrow. */
    public static Map<String, Object> meeting(String kind, String chair, List<UUID> consults, String... invitees) {
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("title", "胸部肿瘤 MDT / Thoracic board");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(Duration.ofMinutes(90)).toString());
        body.put("place", "门诊楼 5 楼会诊中心");
        body.put("onlineUrl", "https://meet.example.org/mdt-thoracic");
        body.put("chairId", id(chair));
        body.put("consultIds", consults.stream().map(UUID::toString).toList());
        List<String> ids = new ArrayList<>();
        for (String u : invitees) {
            ids.add(id(u));
        }
        body.put("inviteeIds", ids);
        return body;
    }

    /** Schedules a board through the API as the case manager; returns the meeting id. */
    public static String schedule(String kind, String chair, List<UUID> consults, String... invitees) {
        return as("cm.wang").body(meeting(kind, chair, consults, invitees)).post("/api/meetings").then()
                .statusCode(201).extract().path("id");
    }

    public static String consultState(UUID consult) {
        return as("cm.wang").get("/api/consults/{id}", consult).then().statusCode(200).extract().path("state");
    }
}
