package dev.cadet.model;

/** How urgent a finding or incident is, in increasing order. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** The more severe of the two. */
    public Severity max(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
