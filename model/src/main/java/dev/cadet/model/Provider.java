package dev.cadet.model;

/** The cloud whose audit log an event comes from. */
public enum Provider {
    /** AWS CloudTrail. */
    AWS,
    /** Azure Activity Log (control plane). */
    AZURE,
    /** Microsoft Entra ID sign-in and audit logs. */
    ENTRA,
    /** Google Cloud Audit Logs. */
    GCP
}
