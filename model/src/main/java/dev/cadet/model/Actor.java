package dev.cadet.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who made the request.
 *
 * @param principalId   canonical, stable principal: an IAM user or root ARN, the assumed-role ARN
 *                      (role + session name, stable across sessions), an Azure object id or UPN,
 *                      a GCP principal email; never {@code null} ("unknown" when the log has none)
 * @param type          the kind of identity
 * @param displayName   short human name (user name, role name, UPN), or {@code null}
 * @param account       account, tenant or project the identity belongs to, or {@code null}
 * @param accessKeyId   the access key used (AKIA... long-term, ASIA... temporary), or {@code null}
 * @param mfa           whether the session was established with MFA
 * @param sessionIssuer the role or user that issued the session (role ARN for assumed roles), or {@code null}
 * @param invokedBy     the service that made the call on the principal's behalf, or {@code null}
 */
public record Actor(String principalId, PrincipalType type, String displayName, String account,
                    String accessKeyId, Mfa mfa, String sessionIssuer, String invokedBy) implements Serializable {

    /** The principal id used when a log names no principal at all. */
    public static final String UNKNOWN_PRINCIPAL = "unknown";

    public Actor {
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mfa, "mfa");
    }

    /** An actor known only by its principal id. */
    public static Actor of(String principalId, PrincipalType type) {
        return new Actor(principalId, type, null, null, null, Mfa.UNKNOWN, null, null);
    }
}
