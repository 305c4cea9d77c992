package dev.cadet.model;

/** What a Tier-1 analyst should do with an incident, following the T1651 playbook. */
public enum Decision {
    /** Account-compromise indicators, commands outside normal operations, known TTPs or failed-then-success. */
    ESCALATE_TIER2,
    /** Unusual, but no escalation trigger: an analyst should look. */
    TIER1_REVIEW,
    /** Approved automation from approved sources doing what it always does. */
    BENIGN
}
