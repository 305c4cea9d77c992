package dev.cadet.parsers.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EventTimesTest {

    @Test
    void fastPathAgreesWithInstantParse() {
        Random random = new Random(1651);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-2_208_988_800L, 32_503_680_000L);
            Instant instant = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertThat(EventTimes.parseUtc(text)).as(text).isEqualTo(Instant.parse(text).toEpochMilli());
        }
    }

    @Test
    void charactersAreReadInPlaceAtAnyOffset() {
        char[] buffer = "\"eventTime\":\"2021-07-29T23:53:26Z\"".toCharArray();
        assertThat(EventTimes.parse(buffer, 13, 20)).isEqualTo(Instant.parse("2021-07-29T23:53:26Z").toEpochMilli());
        char[] offset = "..2024-05-05T11:30:00+02:00..".toCharArray();
        assertThat(EventTimes.parse(offset, 2, 25)).isEqualTo(Instant.parse("2024-05-05T09:30:00Z").toEpochMilli());
        assertThat(EventTimes.parse(buffer, 13, 19)).isEqualTo(EventTimes.INVALID);
    }

    @Test
    void fractionsArePaddedOrTruncatedToMillis() {
        assertThat(EventTimes.parse("2021-07-29T23:53:26.1Z")).isEqualTo(Instant.parse("2021-07-29T23:53:26.100Z").toEpochMilli());
        assertThat(EventTimes.parse("2021-07-29T23:53:26.12Z")).isEqualTo(Instant.parse("2021-07-29T23:53:26.120Z").toEpochMilli());
        assertThat(EventTimes.parse("2021-07-29T23:53:26.123456789Z"))
                .isEqualTo(Instant.parse("2021-07-29T23:53:26.123Z").toEpochMilli());
    }

    @Test
    void otherShapesFallBackToJavaTime() {
        long expected = Instant.parse("2024-05-05T09:30:00Z").toEpochMilli();
        assertThat(EventTimes.parse("2024-05-05T09:30:00+00:00")).isEqualTo(expected);
        assertThat(EventTimes.parse("2024-05-05T11:30:00+02:00")).isEqualTo(expected);
        assertThat(EventTimes.parse("20240505T093000Z")).isEqualTo(expected);
        assertThat(EventTimes.parse("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z").toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-05-05T24:00:00Z",
            "2024-05-05T09:60:00Z", "2024-05-05T09:30:00", "2024-05-05 09:30:00Z x",
            "2024-05-05T09:30:00.1234567890Z", "2024-05-0aT09:30:00Z"})
    void invalidTextIsInvalid(String text) {
        assertThat(EventTimes.parse(text)).isEqualTo(EventTimes.INVALID);
    }
}
