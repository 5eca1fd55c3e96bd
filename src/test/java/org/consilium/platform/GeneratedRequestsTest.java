package org.consilium.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of {@code /q/openapi} with generated bad input (malformed JSON, wrong types, huge
 * strings, unknown enum values, bad and foreign identifiers, missing fields) as each role and as nobody: no
 * answer is a 5xx, and every error is problem+json with a stable type.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class GeneratedRequestsTest {

    /** One user of each role: case manager, specialist, platform admin, county clinician, county hospital admin. */
    private static final List<String> USERS = List.of("cm.wang", "dr.li", "platform.admin", "cx.doctor", "cx.admin");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");
    private static final String HUGE = "汉".repeat(20_000);

    @Test
    void noGeneratedRequestGetsA5xxAndEveryErrorIsAProblem() {
        JsonPath api = new JsonPath(given().accept("application/json").get("/q/openapi?format=json").asString());
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("nobody", null);
        USERS.forEach(u -> tokens.put(u, Tokens.of(u)));
        List<String> serverErrors = new ArrayList<>();
        List<String> notProblems = new ArrayList<>();
        int requests = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                for (String url : urls(path.getKey())) {
                    for (Object body : bodies(api, operation(op.getValue()), method)) {
                        for (var token : tokens.entrySet()) {
                            Response r = send(method, url, body, token.getValue());
                            requests++;
                            String problem = problemIn(r);
                            if (problem != null) {
                                (r.statusCode() >= 500 ? serverErrors : notProblems).add(method + " "
                                        + abbreviate(url) + " as " + token.getKey() + " with "
                                        + abbreviate(String.valueOf(body)) + ": " + problem);
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("generated requests: %d over %d paths; %d answered 5xx, %d errors not problem+json%n",
                requests, paths.size(), serverErrors.size(), notProblems.size());
        assertTrue(requests > 1000, requests + " requests");
        assertEquals(List.of(), serverErrors.stream().limit(30).toList());
        assertEquals(List.of(), notProblems.stream().limit(30).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> operation(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Each path with its parameters as a foreign UUID, a malformed identifier and a huge one. */
    private static List<String> urls(String template) {
        if (!PATH_PARAM.matcher(template).find()) {
            return List.of(template);
        }
        List<String> out = new ArrayList<>();
        for (String value : List.of(UUID.randomUUID().toString(), "not-an-id'%22;--", "9".repeat(400))) {
            Matcher m = PATH_PARAM.matcher(template);
            out.add(m.replaceAll(Matcher.quoteReplacement(value.replace("%22", "%2522"))));
        }
        return out;
    }

    /** No body for reads; for writes: malformed, the wrong shape, empty, and the schema's fields mistyped. */
    private static List<Object> bodies(JsonPath api, Map<String, Object> operation, String method) {
        if (method.equals("GET") || method.equals("DELETE")) {
            return List.of("");
        }
        List<Object> out = new ArrayList<>(List.of("{\"unterminated\": ", "[1, 2, 3]", "{}", "\"" + HUGE + "\"", "null"));
        Map<String, Object> mistyped = new LinkedHashMap<>();
        Map<String, Object> huge = new LinkedHashMap<>();
        for (var field : fields(api, operation).entrySet()) {
            Map<?, ?> schema = field.getValue() instanceof Map<?, ?> m ? m : Map.of();
            Object type = schema.get("type");
            mistyped.put(field.getKey(), schema.containsKey("enum") ? "NOT_A_VALUE"
                    : "string".equals(type) ? (Object) List.of(12345) : "not a " + type);
            huge.put(field.getKey(), HUGE);
        }
        if (!mistyped.isEmpty()) {
            out.add(mistyped);
            out.add(huge);
        }
        return out;
    }

    /** The request body's top-level properties, following one {@code $ref} into the components. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(JsonPath api, Map<String, Object> operation) {
        Object content = operation.get("requestBody") instanceof Map<?, ?> rb ? rb.get("content") : null;
        if (!(content instanceof Map<?, ?> byType) || !(byType.get("application/json") instanceof Map<?, ?> json)
                || !(json.get("schema") instanceof Map<?, ?> schema)) {
            return Map.of();
        }
        if (schema.get("$ref") instanceof String ref) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            Map<String, Object> resolved = api.getMap("components.schemas.'" + name + "'");
            schema = resolved == null ? Map.of() : resolved;
        }
        return schema.get("properties") instanceof Map<?, ?> props ? (Map<String, Object>) props : Map.of();
    }

    private static Response send(String method, String url, Object body, String token) {
        RequestSpecification rq = given().redirects().follow(false).urlEncodingEnabled(false);
        if (token != null) {
            rq = rq.auth().oauth2(token);
        }
        if (!"".equals(body)) {
            rq = rq.contentType("application/json").body(body instanceof String s ? s : toJson(body));
        }
        return rq.request(method, url);
    }

    private static String toJson(Object body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is wrong with the answer, or null. */
    private static String problemIn(Response r) {
        int status = r.statusCode();
        if (status >= 500) {
            return status + " " + abbreviate(r.asString());
        }
        if (status < 400) {
            return null;
        }
        String type = r.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return status + " as " + type;
        }
        String problemType = r.jsonPath().getString("type");
        return problemType != null && problemType.startsWith("urn:consilium:problem:") ? null
                : status + " with type " + problemType;
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
