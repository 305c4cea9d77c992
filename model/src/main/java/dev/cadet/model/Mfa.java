package dev.cadet.model;

/** Whether multi-factor authentication was used for the session behind an event. */
public enum Mfa {
    USED,
    NOT_USED,
    /** The log does not say. */
    UNKNOWN
}
