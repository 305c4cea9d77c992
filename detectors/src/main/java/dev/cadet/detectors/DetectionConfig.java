package dev.cadet.detectors;

import dev.cadet.detectors.internal.incident.SourceMatcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    private DetectionConfig(Builder b) {
        this.allowedLateness = b.allowedLateness;
        this.failedThenSuccessThreshold = b.failedThenSuccessThreshold;
        this.failedThenSuccessWindow = b.failedThenSuccessWindow;
        this.iamThenCommandWindow = b.iamThenCommandWindow;
        this.fanOutThreshold = b.fanOutThreshold;
        this.incidentGap = b.incidentGap;
        this.approvedPrincipals = List.copyOf(b.approvedPrincipals);
        this.approvedSources = List.copyOf(b.approvedSources);
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
                .approvedSources(approvedSources);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectionConfig c
                && allowedLateness.equals(c.allowedLateness)
                && failedThenSuccessThreshold == c.failedThenSuccessThreshold
                && failedThenSuccessWindow.equals(c.failedThenSuccessWindow)
                && iamThenCommandWindow.equals(c.iamThenCommandWindow)
                && fanOutThreshold == c.fanOutThreshold
                && incidentGap.equals(c.incidentGap)
                && approvedPrincipals.equals(c.approvedPrincipals)
                && approvedSources.equals(c.approvedSources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allowedLateness, failedThenSuccessThreshold, failedThenSuccessWindow, iamThenCommandWindow,
                fanOutThreshold, incidentGap, approvedPrincipals, approvedSources);
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
                + ", approvedSources=" + approvedSources + "]";
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
