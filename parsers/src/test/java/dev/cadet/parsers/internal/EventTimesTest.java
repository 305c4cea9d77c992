package dev.cadet.parsers.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Random;

import static dev.cadet.parsers.internal.EventTimes.SlashDates.DAY_FIRST_UNLESS_AM_PM;
import static dev.cadet.parsers.internal.EventTimes.SlashDates.MONTH_FIRST;
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

    /** Azure writes these (the styles of Elastic's test-time-formats-corner-cases.log and a few more). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "01/09/2007 09:41:00              | 2007-01-09T09:41:00Z",
            "1/9/2007 09:41:00                | 2007-01-09T09:41:00Z",
            "01/09/2007 09:41:00 AM           | 2007-01-09T09:41:00Z",
            "1/9/2007 9:41:00 AM              | 2007-01-09T09:41:00Z",
            "1/9/2007 10:41:00 AM +01:00      | 2007-01-09T09:41:00Z",
            "1/9/2007 9:41:00 PM              | 2007-01-09T21:41:00Z",
            "1/9/2007 12:05:00 AM             | 2007-01-09T00:05:00Z",
            "1/9/2007 12:05:00 PM             | 2007-01-09T12:05:00Z",
            "2007-01-09T09:41:00              | 2007-01-09T09:41:00Z",
            "2007-01-09T09:41:00.22Z          | 2007-01-09T09:41:00.220Z",
            "2007-01-09T09:41:00.6816663Z     | 2007-01-09T09:41:00.681Z",
            "2007-01-09T09:41:00.535404056Z   | 2007-01-09T09:41:00.535Z",
            "2007-01-09T09:41:00.992099+00:00 | 2007-01-09T09:41:00.992Z",
            "2007-01-09T11:41:00+02:00        | 2007-01-09T09:41:00Z",
            "2019-10-18T04:45:48.0729893-05:00 | 2019-10-18T09:45:48.072Z",
            "2023-03-21 20:12:34.000          | 2023-03-21T20:12:34Z",
            "2023-03-21 20:12:34 UTC          | 2023-03-21T20:12:34Z",
            "Wed Jun 01 2022 13:39:35 GMT+0200 (Central European Summer Time) | 2022-06-01T11:39:35Z",
    })
    void azureStylesInvariantCulture(String text, String expected) {
        assertThat(Instant.ofEpochMilli(EventTimes.parseLoose(text, MONTH_FIRST))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "21/04/2025, 09:45:54.000   | 2025-04-21T09:45:54Z",
            "01/04/2025, 09:45:54.123   | 2025-04-01T09:45:54.123Z",
            "4/21/2025, 9:45:54.000 AM  | 2025-04-21T09:45:54Z",
            "4/1/2025, 9:45:54.000 PM   | 2025-04-01T21:45:54Z",
            "4/21/2025, 21:45:54.000    | 2025-04-21T21:45:54Z",
    })
    void logAnalyticsExportsFollowTheBrowserLocale(String text, String expected) {
        assertThat(Instant.ofEpochMilli(EventTimes.parseLoose(text, DAY_FIRST_UNLESS_AM_PM))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "13/13/2007 09:41:00", "1/9/2007 13:41:00 PM", "1/9/2007 09:41:00 +25:00",
            "2007-02-30T09:41:00", "Wed Jux 01 2022 13:39:35 GMT+0200"})
    void looseInvalidTextIsInvalid(String text) {
        assertThat(EventTimes.parseLoose(text, MONTH_FIRST)).isEqualTo(EventTimes.INVALID);
    }
}
