package dev.cadet.cli.internal.config;

import dev.cadet.cli.internal.baseline.BaselineFile;
import dev.cadet.cli.internal.geo.MaxMindLocator;
import dev.cadet.detectors.DetectionConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The detection settings of one scan, from the configuration file and the command line: the file first,
 * then options given on the command line (lists add to the file's, a single value replaces it), then a
 * baseline file given with {@code --baseline} over one named in the configuration. Holds the GeoIP
 * database open for the scan; close it afterwards.
 */
public final class ScanSetup implements AutoCloseable {

    private final DetectionConfig config;
    private final MaxMindLocator geo;

    private ScanSetup(DetectionConfig config, MaxMindLocator geo) {
        this.config = config;
        this.geo = geo;
    }

    /**
     * @param configFile         {@code --config}, or {@code null}
     * @param baselineFile       {@code --baseline}, or {@code null}
     * @param lateness           {@code --lateness}, or {@code null} for the file's or the default
     * @param approvedPrincipals {@code --approved-principal} values
     * @param approvedSources    {@code --approved-source} values
     */
    public static ScanSetup of(Path configFile, Path baselineFile, Duration lateness, List<String> approvedPrincipals,
                               List<String> approvedSources) {
        CadetConfig file = configFile == null ? null : CadetConfig.load(configFile);
        DetectionConfig.Builder b = DetectionConfig.builder();
        if (file != null) {
            file.apply(b);
        }
        DetectionConfig fromFile = b.build();
        if (lateness != null) {
            b.allowedLateness(lateness);
        }
        b.approvedPrincipals(concat(fromFile.approvedPrincipals(), approvedPrincipals));
        b.approvedSources(concat(fromFile.approvedSources(), approvedSources));
        Path baseline = baselineFile != null ? baselineFile : file == null ? null : file.baselineFile();
        if (baseline != null) {
            b.baseline(BaselineFile.read(baseline), baseline.toString());
        }
        MaxMindLocator geo = file == null || file.geoip() == null ? null : MaxMindLocator.open(file.geoip());
        if (geo != null) {
            b.geoLocator(geo);
        }
        return new ScanSetup(b.build(), geo);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    public DetectionConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (geo != null) {
            try {
                geo.close();
            } catch (IOException e) {
                // Nothing was written through it; the scan's results stand.
            }
        }
    }
}
