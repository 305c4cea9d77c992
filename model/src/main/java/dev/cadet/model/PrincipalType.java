package dev.cadet.model;

/** The kind of identity behind an event. */
public enum PrincipalType {
    /** A person's user account (IAM user, Entra user, Google account). */
    USER,
    /** An assumed role or role session that is not an instance identity. */
    ROLE,
    /** A cloud service acting on its own behalf (AWSService, Azure first-party app). */
    SERVICE,
    /** The account root user. */
    ROOT,
    /** A federated or Identity Center user. */
    FEDERATED,
    /** A VM's own identity (instance profile role session {@code i-...}, managed identity). */
    INSTANCE,
    UNKNOWN
}
