package dev.cadet.parsers;

/** What a {@link LogReader} does with a record or a file it cannot turn into events. */
public enum BadRecordPolicy {
    /**
     * Keep going: a bad record becomes a {@link dev.cadet.model.Reject} with its location, reason and an
     * excerpt, and a structurally broken file is reported in {@link dev.cadet.model.FileReport#error()} with
     * what was salvaged before the break.
     */
    QUARANTINE,
    /** Stop at the first bad record or broken file by throwing an {@link InputException} that names its location. */
    FAIL
}
