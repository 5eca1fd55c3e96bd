package org.consilium.dicom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonParserTest {

    @Test
    void keepsTheLiteralTextOfNumbers() throws Exception {
        Object v = JsonParser.parse(new StringReader("{\"a\": [1.50, -0, 2e-3, null, true], \"b\": \"x\\u00e9\\n\"}"));
        Map<?, ?> m = (Map<?, ?>) v;
        List<?> a = (List<?>) m.get("a");
        assertEquals(java.util.Arrays.asList(new JsonParser.Number("1.50"), new JsonParser.Number("-0"),
            new JsonParser.Number("2e-3"), null, true), a);
        assertEquals("x\u00e9\n", m.get("b"));
    }

    @Test
    void rejectsMalformedJsonWithItsPosition() {
        var e = assertThrows(JsonParser.JsonSyntaxException.class,
            () -> JsonParser.parse(new StringReader("{\"a\": [1,]}")));
        assertEquals("unexpected character ']' at character 9", e.getMessage());
        assertThrows(JsonParser.JsonSyntaxException.class, () -> JsonParser.parse(new StringReader("[01]")));
        assertThrows(JsonParser.JsonSyntaxException.class, () -> JsonParser.parse(new StringReader("\"open")));
        assertThrows(JsonParser.JsonSyntaxException.class,
            () -> JsonParser.parse(new StringReader("[".repeat(JsonParser.MAX_DEPTH + 1))));
    }

    @Test
    void writerEscapesAndSeparates() throws Exception {
        StringWriter out = new StringWriter();
        new JsonWriter(out).beginObject().name("k").beginArray().value("a\"b\\c\u0001").rawNumber("1.5")
            .nullValue().beginObject().endObject().endArray().name("e").beginArray().endArray().endObject()
            .flush();
        assertEquals("{\"k\":[\"a\\\"b\\\\c\\u0001\",1.5,null,{}],\"e\":[]}", out.toString());
        assertEquals(Map.of("e", List.of()).get("e"), ((Map<?, ?>) JsonParser.parse(new StringReader(out.toString()))).get("e"));
    }
}
