package dev.cadet.model;

/**
 * A run of whole hours inside a covered time span in which one provider, account and region logged
 * nothing at all, although it logged events before and after. Missing logs are a finding of their
 * own: a trail stopped, a delivery failed, or somebody deleted files.
 *
 * @param from first empty hour, epoch millis at the start of an hour (UTC)
 * @param to   end of the run, exclusive: the start of the next hour with events
 */
public record CoverageGap(long from, long to) {

    /** One hour in milliseconds: the unit gaps are measured in. */
    public static final long HOUR_MILLIS = 3_600_000L;

    public CoverageGap {
        if (to <= from) {
            throw new IllegalArgumentException("a gap must end after it starts: from " + from + ", to " + to);
        }
    }

    /** Whole empty hours in this gap. */
    public long hours() {
        return (to - from) / HOUR_MILLIS;
    }
}
