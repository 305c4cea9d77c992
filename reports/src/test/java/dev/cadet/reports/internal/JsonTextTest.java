package dev.cadet.reports.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {

    private static final JsonFactory FACTORY = JsonFactory.builder().characterEscapes(JsonText.ESCAPES).build();

    private static final String RAW = "esc\u001b[31m del\u007f c1\u009b bidi\u202e\u2066 zw\u200b bom\ufeff ls\u2028"
            + " caf\u00e9 \u4e2d \ud83d\ude00 \"q\" back\\";

    @Test
    void hiddenCharactersAreEscapedOnBothGeneratorsAndTheValueRoundTrips() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), bytes)) {
            g.writeString(JsonText.value(RAW));
        }
        StringWriter chars = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), chars)) {
            g.writeString(JsonText.value(RAW));
        }
        String expected = "\"esc\\u001B[31m del\\u007F c1\\u009B bidi\\u202E\\u2066 zw\\u200B bom\\uFEFF ls\\u2028"
                + " caf\u00e9 \u4e2d \ud83d\ude00 \\\"q\\\" back\\\\\"";
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(chars.toString()).isEqualTo(expected);
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), expected)) {
            p.nextToken();
            assertThat(p.getString()).isEqualTo(RAW);
        }
    }
}
