package dev.cadet.parsers.internal.entra;

import dev.cadet.model.EventKind;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.cadet.model.EventKind.CREDENTIAL_CHANGE;
import static dev.cadet.model.EventKind.OTHER;
import static dev.cadet.model.EventKind.PRIVILEGE_CHANGE;

/**
 * What each Entra directory audit activity means for T1651, in one place. Sign-ins are all
 * {@link EventKind#AUTHENTICATION}; an audit activity not listed is {@link EventKind#OTHER}. Activities are
 * matched on their display name without case, an en dash read as a hyphen (Entra writes
 * "Update application – Certificates and secrets management").
 */
final class EntraKinds {

    private static final Map<String, EventKind> ACTIVITIES = new HashMap<>();

    /** Application or service principal updates that change its credentials. */
    private static final List<String> CREDENTIAL_PROPERTIES = List.of("KeyDescription", "FederatedIdentityCredentials");

    static {
        on(CREDENTIAL_CHANGE, "Add service principal credentials", "Remove service principal credentials",
                "Update application - Certificates and secrets management",
                "Update service principal - Certificates and secrets management",
                "Reset user password", "Reset password (by admin)", "Change user password",
                "Change password (self-service)", "Reset password (self-service)");
        on(PRIVILEGE_CHANGE, "Add member to role", "Add eligible member to role", "Add scoped member to role",
                "Add member to role completed (PIM activation)", "Add member to role in PIM completed (permanent)",
                "Add app role assignment to service principal", "Add app role assignment grant to user",
                "Add delegated permission grant", "Add owner to application", "Add owner to service principal",
                "Consent to application");
    }

    private EntraKinds() {
    }

    static EventKind auditKind(String activity, List<String> modifiedProperties) {
        String key = key(activity);
        EventKind kind = ACTIVITIES.get(key);
        if (kind != null) {
            return kind;
        }
        if ((key.equals("update application") || key.equals("update service principal"))
                && modifiedProperties.stream().anyMatch(CREDENTIAL_PROPERTIES::contains)) {
            return CREDENTIAL_CHANGE;
        }
        return OTHER;
    }

    private static String key(String activity) {
        return activity.replace('\u2013', '-').strip().toLowerCase(Locale.ROOT);
    }

    private static void on(EventKind kind, String... activities) {
        for (String activity : activities) {
            if (ACTIVITIES.put(key(activity), kind) != null) {
                throw new IllegalStateException("activity listed twice in the kind table: " + activity);
            }
        }
    }
}
