package dev.cadet.cli;

import dev.cadet.cli.internal.baseline.BaselineFile;
import dev.cadet.cli.internal.config.CadetConfig;
import dev.cadet.detectors.Baseline;
import dev.cadet.detectors.DetectionConfig;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files {@code cadet scan} takes with {@code --config} and {@code --baseline}, read once and carried as
 * values, for other hosts of the detectors: the Flink job reads them where it is submitted and ships
 * them to every task, which builds its own configuration from them. Both are checked when read, so a
 * mistake fails before anything runs, with the file, line and column.
 */
public final class ScanFiles implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String configName;
    private final String configText;
    private final Baseline baseline;
    private final String baselineSource;

    private ScanFiles(String configName, String configText, Baseline baseline, String baselineSource) {
        this.configName = configName;
        this.configText = configText;
        this.baseline = baseline;
        this.baselineSource = baselineSource;
    }

    /**
     * Reads and checks the files.
     *
     * @param configFile   a {@code cadet.yaml}, or {@code null}
     * @param baselineFile a baseline from {@code cadet baseline learn}, or {@code null} for the one the
     *                     configuration names, if any
     * @throws IllegalArgumentException when a file cannot be read or is wrong, or the configuration names a
     *                                  GeoIP database or a command pattern file (a host spread over machines
     *                                  cannot count on a path being there)
     */
    public static ScanFiles read(Path configFile, Path baselineFile) {
        String name = null;
        String text = null;
        Path baselinePath = baselineFile;
        if (configFile != null) {
            CadetConfig config = CadetConfig.load(configFile);
            if (config.geoip() != null) {
                throw new IllegalArgumentException(configFile + ": geoip is not supported here: the database"
                        + " would have to be at the same path on every machine; leave it out");
            }
            // The built-in pack has no origin; a pack read from a file names it.
            String patterns = config.apply(DetectionConfig.builder()).build().commandPatternsOrigin();
            if (patterns != null) {
                throw new IllegalArgumentException(configFile + ": a command pattern file (" + patterns + ") is not"
                        + " supported here: it would have to be at the same path on every machine; leave it out");
            }
            name = configFile.getFileName().toString();
            try {
                text = Files.readString(configFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read configuration file " + configFile, e);
            }
            if (baselinePath == null) {
                baselinePath = config.baselineFile();
            }
        }
        Baseline b = baselinePath == null ? null : BaselineFile.read(baselinePath);
        return new ScanFiles(name, text, b, baselinePath == null ? null : baselinePath.toString());
    }

    /** Sets what the files say on {@code builder}: the configuration's values, then the baseline. */
    public DetectionConfig.Builder apply(DetectionConfig.Builder builder) {
        if (configText != null) {
            // The baseline was read already; the configuration's relative paths are not needed again.
            CadetConfig.parse(configName, configText, null).apply(builder);
        }
        if (baseline != null) {
            builder.baseline(baseline, baselineSource);
        }
        return builder;
    }

    /** The stored baseline, or {@code null}. */
    public Baseline baseline() {
        return baseline;
    }
}
