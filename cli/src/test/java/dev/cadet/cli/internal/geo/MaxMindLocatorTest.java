package dev.cadet.cli.internal.geo;

import dev.cadet.cli.internal.config.ScanSetup;
import dev.cadet.detectors.GeoLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaxMindLocatorTest {

    @TempDir
    static Path dir;

    static Path database() throws Exception {
        Path file = dir.resolve("test-city.mmdb");
        if (!Files.exists(file)) {
            Files.write(file, new TinyMmdb()
                    .put("198.51.100.0/24", Map.of("country", Map.of("iso_code", "DE"),
                            "city", Map.of("names", Map.of("en", "Berlin"))))
                    .put("203.0.113.0/24", Map.of("country", Map.of("iso_code", "AU")))
                    .bytes());
        }
        return file;
    }

    @Test
    void locatesAddressesWithCountryAndCity() throws Exception {
        try (MaxMindLocator geo = MaxMindLocator.open(database())) {
            assertThat(geo.databaseType()).isEqualTo("Cadet-Test-City");
            assertThat(geo.locate("198.51.100.7")).isEqualTo(new GeoLocator.Place("DE", "Berlin"));
            assertThat(geo.locate("203.0.113.250")).isEqualTo(new GeoLocator.Place("AU", null));
            assertThat(geo.locate("192.0.2.1")).isNull();
            // Host names are never looked up (no DNS), and garbage is nothing.
            assertThat(geo.locate("example.com")).isNull();
            assertThat(geo.locate("abc")).isNull();
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsAUsageError() throws Exception {
        Path bogus = dir.resolve("bogus.mmdb");
        Files.writeString(bogus, "not a database");
        assertThatThrownBy(() -> MaxMindLocator.open(bogus)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("geoip: " + bogus + " is not a readable MaxMind DB file");
    }

    @Test
    void onlyAddressLiteralsCount() {
        assertThat(MaxMindLocator.isLiteral("10.0.0.1")).isTrue();
        assertThat(MaxMindLocator.isLiteral("2001:db8::1")).isTrue();
        assertThat(MaxMindLocator.isLiteral("cafe")).isFalse();
        assertThat(MaxMindLocator.isLiteral("ssm.amazonaws.com")).isFalse();
    }

    @Test
    void aConfigurationFileOpensTheDatabaseForTheScan() throws Exception {
        Path config = dir.resolve("cadet.yaml");
        Files.writeString(config, "geoip: " + database().getFileName() + "\n");
        try (ScanSetup setup = ScanSetup.of(config, null, null, java.util.List.of(), java.util.List.of())) {
            assertThat(setup.config().geoLocator().locate("198.51.100.20")).isEqualTo(new GeoLocator.Place("DE", "Berlin"));
        }
    }
}
