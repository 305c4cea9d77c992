package dev.cadet.detectors;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaintenanceWindowTest {

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void aWeeklyWindowIsHalfOpenAndMayCrossMidnightInItsZone() {
        // Saturdays 23:00 to Sunday 03:00, Berlin time (UTC+2 in May).
        MaintenanceWindow w = MaintenanceWindow.weekly("patching", List.of("arn:aws:iam::*:user/ops-*"),
                Set.of(DayOfWeek.SATURDAY), LocalTime.of(23, 0), Duration.ofHours(4), ZoneId.of("Europe/Berlin"));
        assertThat(w.isOpenAt(at("2024-05-04T20:59:59.999Z"))).isFalse();
        assertThat(w.isOpenAt(at("2024-05-04T21:00:00Z"))).isTrue();
        assertThat(w.isOpenAt(at("2024-05-05T00:59:59.999Z"))).isTrue();
        assertThat(w.isOpenAt(at("2024-05-05T01:00:00Z"))).isFalse();
        assertThat(w.covers("arn:aws:iam::111122223333:user/ops-anna")).isTrue();
        assertThat(w.covers("arn:aws:iam::111122223333:user/dev-bob")).isFalse();
    }

    @Test
    void aOneOffWindow() {
        MaintenanceWindow w = MaintenanceWindow.once("migration", List.of("*"), Instant.parse("2024-05-01T10:00:00Z"),
                Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(w.isOpenAt(at("2024-05-01T10:00:00Z"))).isTrue();
        assertThat(w.isOpenAt(at("2024-05-01T12:00:00Z"))).isFalse();
    }

    @Test
    void invalidWindowsSayWhatIsWrong() {
        assertThatThrownBy(() -> MaintenanceWindow.once("m", List.of("*"), Instant.EPOCH, Instant.EPOCH))
                .hasMessage("maintenance window 'm' needs days, start and length, or from and until with until after from");
        assertThatThrownBy(() -> MaintenanceWindow.weekly("m", List.of(), Set.of(DayOfWeek.MONDAY), LocalTime.NOON,
                Duration.ofHours(1), null)).hasMessage("maintenance window 'm' must name at least one principal pattern");
        assertThatThrownBy(() -> MaintenanceWindow.weekly("m", List.of("*"), Set.of(DayOfWeek.MONDAY), LocalTime.NOON,
                Duration.ofDays(8), null)).hasMessage("maintenance window 'm' length must be > 0 and <= 7d, was PT192H");
    }
}
