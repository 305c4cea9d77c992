package dev.cadet.detectors;

import dev.cadet.detectors.internal.SourceMatcher;
import dev.cadet.detectors.internal.detect.CommandPatterns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Thresholds, windows and approval lists for a scan. Immutable; build one with {@link #builder()},
 * which validates every property and says what is wrong. Defaults come from the T1651 playbook.
 */
public final class DetectionConfig {

    private static final DetectionConfig DEFAULTS = builder().build();

    private final Duration allowedLateness;
    private final int failedThenSuccessThreshold;
    private final Duration failedThenSuccessWindow;
    private final Duration iamThenCommandWindow;
    private final int fanOutThreshold;
    private final Duration incidentGap;
    private final List<String> approvedPrincipals;
    private final List<String> approvedSources;
    private final List<String> approvedDocuments;
    private final List<MaintenanceWindow> maintenanceWindows;
    private final Duration learningPeriod;
    private final Baseline baseline;
    private final String baselineSource;
    private final int spikeFloor;
    private final double spikeRatio;
    private final int deniedBurstThreshold;
    private final Duration deniedBurstWindow;
    private final Duration loginAnomalyWindow;
    private final Duration userDataSwapWindow;
    private final int travelSpeedKmh;
    private final String commandPatternsOrigin;
    private final String commandPatternsText;
    private final CommandPatterns commandPatterns;
    private final List<String> iocAddresses;
    private final List<String> iocDomains;
    private final GeoLocator geoLocator;

    private DetectionConfig(Builder b) {
        this.allowedLateness = b.allowedLateness;
        this.failedThenSuccessThreshold = b.failedThenSuccessThreshold;
        this.failedThenSuccessWindow = b.failedThenSuccessWindow;
        this.iamThenCommandWindow = b.iamThenCommandWindow;
        this.fanOutThreshold = b.fanOutThreshold;
        this.incidentGap = b.incidentGap;
        this.approvedPrincipals = List.copyOf(b.approvedPrincipals);
        this.approvedSources = List.copyOf(b.approvedSources);
        this.approvedDocuments = b.approvedDocuments;
        this.maintenanceWindows = b.maintenanceWindows;
        this.learningPeriod = b.learningPeriod;
        this.baseline = b.baseline;
        this.baselineSource = b.baselineSource;
        this.spikeFloor = b.spikeFloor;
        this.spikeRatio = b.spikeRatio;
        this.deniedBurstThreshold = b.deniedBurstThreshold;
        this.deniedBurstWindow = b.deniedBurstWindow;
        this.loginAnomalyWindow = b.loginAnomalyWindow;
        this.userDataSwapWindow = b.userDataSwapWindow;
        this.travelSpeedKmh = b.travelSpeedKmh;
        this.commandPatternsOrigin = b.commandPatternsOrigin;
        this.commandPatternsText = b.commandPatternsText;
        this.commandPatterns = b.commandPatterns;
        this.iocAddresses = b.iocAddresses;
        this.iocDomains = b.iocDomains;
        this.geoLocator = b.geoLocator;
    }

    /** The playbook-derived defaults. */
    public static DetectionConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values, to change a few of them. */
    public Builder toBuilder() {
        return new Builder()
                .allowedLateness(allowedLateness)
                .failedThenSuccessThreshold(failedThenSuccessThreshold)
                .failedThenSuccessWindow(failedThenSuccessWindow)
                .iamThenCommandWindow(iamThenCommandWindow)
                .fanOutThreshold(fanOutThreshold)
                .incidentGap(incidentGap)
                .approvedPrincipals(approvedPrincipals)
                .approvedSources(approvedSources)
                .approvedDocuments(approvedDocuments)
                .maintenanceWindows(maintenanceWindows)
                .learningPeriod(learningPeriod)
                .baseline(baseline, baselineSource)
                .spikeFloor(spikeFloor)
                .spikeRatio(spikeRatio)
                .deniedBurstThreshold(deniedBurstThreshold)
                .deniedBurstWindow(deniedBurstWindow)
                .loginAnomalyWindow(loginAnomalyWindow)
                .userDataSwapWindow(userDataSwapWindow)
                .travelSpeedKmh(travelSpeedKmh)
                .commandPatterns(commandPatternsOrigin, commandPatternsText)
                .iocAddresses(iocAddresses)
                .iocDomains(iocDomains)
                .geoLocator(geoLocator);
    }

    /** How far behind the latest event time an event may arrive and still be analysed; default 1 hour. */
    public Duration allowedLateness() {
        return allowedLateness;
    }

    /** Failed attempts needed before a success for {@code failed-then-success}; default 3. */
    public int failedThenSuccessThreshold() {
        return failedThenSuccessThreshold;
    }

    /** How long before the success the failures must lie; default 1 hour. */
    public Duration failedThenSuccessWindow() {
        return failedThenSuccessWindow;
    }

    /** How long after an IAM change a command counts for {@code iam-then-command}; default 24 hours. */
    public Duration iamThenCommandWindow() {
        return iamThenCommandWindow;
    }

    /** Distinct targets of one principal in one hour that make a command-execution finding MEDIUM; default 5. */
    public int fanOutThreshold() {
        return fanOutThreshold;
    }

    /** Findings further apart than this start a new incident; default 24 hours. */
    public Duration incidentGap() {
        return incidentGap;
    }

    /** Patterns over canonical principal ids of approved automation, {@code *} matching any run of characters; default none. */
    public List<String> approvedPrincipals() {
        return approvedPrincipals;
    }

    /** Approved IP addresses, CIDR blocks (IPv4 and IPv6) and service host names; default none. */
    public List<String> approvedSources() {
        return approvedSources;
    }

    /** Patterns over document and script names that are approved: never reported as rare; default none. */
    public List<String> approvedDocuments() {
        return approvedDocuments;
    }

    /** Approved maintenance windows; default none. */
    public List<MaintenanceWindow> maintenanceWindows() {
        return maintenanceWindows;
    }

    /**
     * Without a stored baseline, how much of the start of the scanned logs serves as one (not judged for
     * novelty); default 24 hours; 0 turns the novelty checks off.
     */
    public Duration learningPeriod() {
        return learningPeriod;
    }

    /** The stored baseline to judge novelty against, or {@code null} to learn from the scan's first part. */
    public Baseline baseline() {
        return baseline;
    }

    /** Where the stored baseline came from (a file name), or {@code null}. */
    public String baselineSource() {
        return baselineSource;
    }

    /** Least commands in an hour that can be a {@code command-spike}; default 20. */
    public int spikeFloor() {
        return spikeFloor;
    }

    /** How many times the historic hourly peak a {@code command-spike} must reach; default 3.0. */
    public double spikeRatio() {
        return spikeRatio;
    }

    /** Refused command executions that make a {@code denied-command-burst}; default 5. */
    public int deniedBurstThreshold() {
        return deniedBurstThreshold;
    }

    /** Greatest gap between refused executions of one burst; default 10 minutes. */
    public Duration deniedBurstWindow() {
        return deniedBurstWindow;
    }

    /** How long after an anomalous sign-in a command counts for {@code login-anomaly}; default 2 hours. */
    public Duration loginAnomalyWindow() {
        return loginAnomalyWindow;
    }

    /** Longest stop-to-start time of a {@code user-data-swap}; default 1 hour. */
    public Duration userDataSwapWindow() {
        return userDataSwapWindow;
    }

    /** Fastest believable travel for {@code geo-anomaly}, in km/h; default 1000 (an airliner). */
    public int travelSpeedKmh() {
        return travelSpeedKmh;
    }

    /** Name of the user command pattern pack applied over the built-in one, or {@code null}. */
    public String commandPatternsOrigin() {
        return commandPatternsOrigin;
    }

    /** Indicator IP addresses and CIDR blocks (threat intelligence); default none. */
    public List<String> iocAddresses() {
        return iocAddresses;
    }

    /** Indicator domains (threat intelligence); default none. */
    public List<String> iocDomains() {
        return iocDomains;
    }

    /** Locates addresses of events whose log gives no country, or {@code null}. */
    public GeoLocator geoLocator() {
        return geoLocator;
    }

    /** The built-in command patterns with the user pack applied. */
    CommandPatterns commandPatterns() {
        return commandPatterns;
    }

    private List<Object> values() {
        return java.util.Arrays.asList(allowedLateness, failedThenSuccessThreshold, failedThenSuccessWindow,
                iamThenCommandWindow, fanOutThreshold, incidentGap, approvedPrincipals, approvedSources,
                approvedDocuments, maintenanceWindows, learningPeriod, baseline, baselineSource, spikeFloor, spikeRatio,
                deniedBurstThreshold, deniedBurstWindow, loginAnomalyWindow, userDataSwapWindow, travelSpeedKmh,
                commandPatternsOrigin, commandPatternsText, iocAddresses, iocDomains, geoLocator);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectionConfig c && values().equals(c.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "DetectionConfig[allowedLateness=" + allowedLateness
                + ", failedThenSuccessThreshold=" + failedThenSuccessThreshold
                + ", failedThenSuccessWindow=" + failedThenSuccessWindow
                + ", iamThenCommandWindow=" + iamThenCommandWindow
                + ", fanOutThreshold=" + fanOutThreshold
                + ", incidentGap=" + incidentGap
                + ", approvedPrincipals=" + approvedPrincipals
                + ", approvedSources=" + approvedSources
                + ", approvedDocuments=" + approvedDocuments
                + ", maintenanceWindows=" + maintenanceWindows.size()
                + ", learningPeriod=" + learningPeriod
                + ", baseline=" + (baseline == null ? "none" : baselineSource == null ? "given" : baselineSource)
                + ", spikeFloor=" + spikeFloor
                + ", spikeRatio=" + spikeRatio
                + ", deniedBurstThreshold=" + deniedBurstThreshold
                + ", deniedBurstWindow=" + deniedBurstWindow
                + ", loginAnomalyWindow=" + loginAnomalyWindow
                + ", userDataSwapWindow=" + userDataSwapWindow
                + ", travelSpeedKmh=" + travelSpeedKmh
                + ", commandPatterns=" + (commandPatternsOrigin == null ? "built-in" : "built-in + " + commandPatternsOrigin)
                + ", iocAddresses=" + iocAddresses.size()
                + ", iocDomains=" + iocDomains.size()
                + ", geoLocator=" + (geoLocator == null ? "none" : "given") + "]";
    }

    /** Collects and validates the properties of a {@link DetectionConfig}; each setter checks its argument at once. */
    public static final class Builder {

        private Duration allowedLateness = Duration.ofHours(1);
        private int failedThenSuccessThreshold = 3;
        private Duration failedThenSuccessWindow = Duration.ofHours(1);
        private Duration iamThenCommandWindow = Duration.ofHours(24);
        private int fanOutThreshold = 5;
        private Duration incidentGap = Duration.ofHours(24);
        private List<String> approvedPrincipals = List.of();
        private List<String> approvedSources = List.of();
        private List<String> approvedDocuments = List.of();
        private List<MaintenanceWindow> maintenanceWindows = List.of();
        private Duration learningPeriod = Duration.ofHours(24);
        private Baseline baseline;
        private String baselineSource;
        private int spikeFloor = 20;
        private double spikeRatio = 3.0;
        private int deniedBurstThreshold = 5;
        private Duration deniedBurstWindow = Duration.ofMinutes(10);
        private Duration loginAnomalyWindow = Duration.ofHours(2);
        private Duration userDataSwapWindow = Duration.ofHours(1);
        private int travelSpeedKmh = 1000;
        private String commandPatternsOrigin;
        private String commandPatternsText;
        private CommandPatterns commandPatterns = CommandPatterns.builtIn();
        private List<String> iocAddresses = List.of();
        private List<String> iocDomains = List.of();
        private GeoLocator geoLocator;

        private Builder() {
        }

        public Builder allowedLateness(Duration value) {
            allowedLateness = atLeast("allowedLateness", value, Duration.ZERO);
            return this;
        }

        public Builder failedThenSuccessThreshold(int value) {
            failedThenSuccessThreshold = atLeast("failedThenSuccessThreshold", value, 1);
            return this;
        }

        public Builder failedThenSuccessWindow(Duration value) {
            failedThenSuccessWindow = atLeast("failedThenSuccessWindow", value, Duration.ofMillis(1));
            return this;
        }

        public Builder iamThenCommandWindow(Duration value) {
            iamThenCommandWindow = atLeast("iamThenCommandWindow", value, Duration.ofMillis(1));
            return this;
        }

        public Builder fanOutThreshold(int value) {
            fanOutThreshold = atLeast("fanOutThreshold", value, 1);
            return this;
        }

        public Builder incidentGap(Duration value) {
            incidentGap = atLeast("incidentGap", value, Duration.ZERO);
            return this;
        }

        /** Approved automation, as patterns over canonical principal ids ({@code *} is the only wildcard). */
        public Builder approvedPrincipals(List<String> patterns) {
            List<String> copy = copyOf("approvedPrincipals", patterns);
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i).isBlank()) {
                    throw new IllegalArgumentException("approvedPrincipals[" + i + "] must not be blank");
                }
            }
            approvedPrincipals = copy;
            return this;
        }

        /** Approved IP addresses, CIDR blocks and service host names. */
        public Builder approvedSources(List<String> sources) {
            List<String> copy = copyOf("approvedSources", sources);
            for (int i = 0; i < copy.size(); i++) {
                String problem = SourceMatcher.problem(copy.get(i));
                if (problem != null) {
                    throw new IllegalArgumentException("approvedSources[" + i + "] " + problem);
                }
            }
            approvedSources = copy;
            return this;
        }

        /** Approved documents and scripts, as patterns ({@code *} is the only wildcard). */
        public Builder approvedDocuments(List<String> patterns) {
            approvedDocuments = nonBlank("approvedDocuments", patterns);
            return this;
        }

        public Builder maintenanceWindows(List<MaintenanceWindow> windows) {
            if (windows == null) {
                throw new IllegalArgumentException("maintenanceWindows must not be null");
            }
            for (int i = 0; i < windows.size(); i++) {
                if (windows.get(i) == null) {
                    throw new IllegalArgumentException("maintenanceWindows[" + i + "] must not be null");
                }
            }
            maintenanceWindows = List.copyOf(windows);
            return this;
        }

        public Builder learningPeriod(Duration value) {
            learningPeriod = atLeast("learningPeriod", value, Duration.ZERO);
            return this;
        }

        /** A stored baseline (or {@code null} for none) and where it came from, for the report. */
        public Builder baseline(Baseline value, String source) {
            baseline = value;
            baselineSource = value == null ? null : source;
            return this;
        }

        public Builder spikeFloor(int value) {
            spikeFloor = atLeast("spikeFloor", value, 1);
            return this;
        }

        public Builder spikeRatio(double value) {
            if (!(value > 1) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("spikeRatio must be a number > 1, was " + value);
            }
            spikeRatio = value;
            return this;
        }

        public Builder deniedBurstThreshold(int value) {
            deniedBurstThreshold = atLeast("deniedBurstThreshold", value, 2);
            return this;
        }

        public Builder deniedBurstWindow(Duration value) {
            deniedBurstWindow = atLeast("deniedBurstWindow", value, Duration.ofMillis(1));
            return this;
        }

        public Builder loginAnomalyWindow(Duration value) {
            loginAnomalyWindow = atLeast("loginAnomalyWindow", value, Duration.ofMillis(1));
            return this;
        }

        public Builder userDataSwapWindow(Duration value) {
            userDataSwapWindow = atLeast("userDataSwapWindow", value, Duration.ofMillis(1));
            return this;
        }

        public Builder travelSpeedKmh(int value) {
            travelSpeedKmh = atLeast("travelSpeedKmh", value, 1);
            return this;
        }

        /**
         * A user command pattern pack in the built-in pack's line format, applied over the built-in pack
         * (same id replaces, {@code OFF} switches off, new ids add); {@code origin} names it in errors.
         * {@code null} text means the built-in pack alone.
         */
        public Builder commandPatterns(String origin, String text) {
            if (text == null) {
                commandPatterns = CommandPatterns.builtIn();
                commandPatternsOrigin = null;
                commandPatternsText = null;
                return this;
            }
            String name = origin == null ? "command patterns" : origin;
            commandPatterns = CommandPatterns.builtIn().with(CommandPatterns.parse(name, text));
            commandPatternsOrigin = name;
            commandPatternsText = text;
            return this;
        }

        /** Indicator IP addresses and CIDR blocks. */
        public Builder iocAddresses(List<String> values) {
            List<String> copy = copyOf("iocAddresses", values);
            for (int i = 0; i < copy.size(); i++) {
                String v = copy.get(i);
                String problem = SourceMatcher.problem(v);
                if (problem == null && SourceMatcher.parseAddress(v.contains("/") ? v.substring(0, v.indexOf('/')) : v) == null) {
                    problem = "is not an IP address or CIDR block: '" + v + "'";
                }
                if (problem != null) {
                    throw new IllegalArgumentException("iocAddresses[" + i + "] " + problem);
                }
            }
            iocAddresses = copy;
            return this;
        }

        /** Indicator domains (host names). */
        public Builder iocDomains(List<String> values) {
            List<String> copy = copyOf("iocDomains", values);
            for (int i = 0; i < copy.size(); i++) {
                String v = copy.get(i);
                if (SourceMatcher.parseAddress(v) != null || !SourceMatcher.isHostName(v) || !v.contains(".")) {
                    throw new IllegalArgumentException("iocDomains[" + i + "] is not a domain name: '" + v + "'");
                }
            }
            iocDomains = copy;
            return this;
        }

        /** Locates events whose log gives no country; {@code null} for none. */
        public Builder geoLocator(GeoLocator value) {
            geoLocator = value;
            return this;
        }

        public DetectionConfig build() {
            return new DetectionConfig(this);
        }

        private static Duration atLeast(String name, Duration value, Duration min) {
            if (value == null) {
                throw new IllegalArgumentException(name + " must not be null");
            }
            if (value.compareTo(min) < 0) {
                String bound = min.isZero() ? ">= 0" : "> 0";
                // "-PT5M" rather than Java's "PT-5M": the form Duration.parse and configuration files use.
                String shown = value.isNegative() ? "-" + value.negated() : value.toString();
                throw new IllegalArgumentException(name + " must be " + bound + ", was " + shown);
            }
            // Windows are kept in epoch millis; a duration beyond that range is a configuration mistake.
            try {
                value.toMillis();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(name + " is too large, was " + value, e);
            }
            return value;
        }

        private static int atLeast(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
            }
            return value;
        }

        private static List<String> nonBlank(String name, List<String> values) {
            List<String> copy = copyOf(name, values);
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i).isBlank()) {
                    throw new IllegalArgumentException(name + "[" + i + "] must not be blank");
                }
            }
            return copy;
        }

        private static List<String> copyOf(String name, List<String> values) {
            if (values == null) {
                throw new IllegalArgumentException(name + " must not be null");
            }
            List<String> copy = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (v == null) {
                    throw new IllegalArgumentException(name + "[" + i + "] must not be null");
                }
                copy.add(v.strip());
            }
            return List.copyOf(copy);
        }
    }
}
