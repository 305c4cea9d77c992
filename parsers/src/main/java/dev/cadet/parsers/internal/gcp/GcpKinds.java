package dev.cadet.parsers.internal.gcp;

import dev.cadet.model.EventKind;

import java.util.List;
import java.util.Locale;

import static dev.cadet.model.EventKind.AUTHENTICATION;
import static dev.cadet.model.EventKind.COMMAND_EXECUTION;
import static dev.cadet.model.EventKind.COMMAND_RECON;
import static dev.cadet.model.EventKind.CREDENTIAL_CHANGE;
import static dev.cadet.model.EventKind.INTERACTIVE_SESSION;
import static dev.cadet.model.EventKind.OTHER;
import static dev.cadet.model.EventKind.PRIVILEGE_CHANGE;

/**
 * What each Cloud Audit Logs method means for T1651: the GCP column of the architecture's kind table, in
 * one place. Methods carry an API version prefix ({@code v1.}, {@code beta.}) and services name them with
 * different prefixes, so they are matched on their ending. A method not listed is {@link EventKind#OTHER}.
 */
final class GcpKinds {

    /**
     * Metadata keys whose value runs on the machine (startup and shutdown scripts, cloud-init user data) or lets
     * someone log in to it (SSH keys; {@code windows-keys} is what {@code gcloud compute reset-windows-password}
     * writes to create a Windows user).
     */
    private static final List<String> EXECUTING_KEY_PREFIXES = List.of("startup-script", "windows-startup-script",
            "sysprep-specialize-script", "shutdown-script", "windows-shutdown-script", "user-data", "ssh-keys",
            "sshkeys", "windows-keys");

    private static final List<String> OS_CONFIG_COMMANDS = List.of("executepatchjob", "createospolicyassignment",
            "updateospolicyassignment", "createguestpolicy", "updateguestpolicy");

    private GcpKinds() {
    }

    static boolean isMetadataChange(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return m.endsWith("compute.instances.setmetadata") || m.endsWith("compute.projects.setcommoninstancemetadata");
    }

    /** Whether a metadata key (possibly followed by its value) runs code or grants a login. */
    static boolean isExecutingKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        return EXECUTING_KEY_PREFIXES.stream().anyMatch(k::startsWith);
    }

    static EventKind kindOf(GcpRecord r) {
        String method = r.methodName;
        String m = method.toLowerCase(Locale.ROOT);
        String last = m.substring(m.lastIndexOf('.') + 1);
        if (isMetadataChange(method)) {
            boolean executing = r.metadataKeys.stream().anyMatch(GcpKinds::isExecutingKey)
                    || r.metadataItemKeys.stream().anyMatch(GcpKinds::isExecutingKey);
            return executing ? COMMAND_EXECUTION : OTHER;
        }
        if (m.contains("osconfig") && OS_CONFIG_COMMANDS.contains(last)) {
            return COMMAND_EXECUTION;
        }
        if (m.equals("google.ssh-serialport.v1.connect") || m.endsWith("osloginservice.importsshpublickey")
                || (m.equals("authorizeuser") && "iap.googleapis.com".equals(r.serviceName))) {
            return INTERACTIVE_SESSION;
        }
        if (m.endsWith("compute.instances.getserialportoutput")) {
            return COMMAND_RECON;
        }
        if (last.equals("setiampolicy")) {
            return PRIVILEGE_CHANGE;
        }
        if (last.equals("createserviceaccountkey") || last.equals("uploadserviceaccountkey")) {
            return CREDENTIAL_CHANGE;
        }
        if (last.equals("generateaccesstoken") || last.equals("generateidtoken")) {
            return AUTHENTICATION;
        }
        return OTHER;
    }
}
