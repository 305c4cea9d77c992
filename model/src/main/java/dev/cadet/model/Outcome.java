package dev.cadet.model;

/** Whether the provider carried out the request. */
public enum Outcome {
    SUCCESS,
    FAILURE,
    /** The log does not say (for example an Azure "Started" record). */
    UNKNOWN
}
