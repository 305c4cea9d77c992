package dev.cadet.detectors.internal.incident;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.ContainmentStep;
import dev.cadet.model.Decision;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The playbook's "Containment and Further Analysis" and Tier-2 steps, with the identifiers from the
 * evidence filled in as ready-to-review AWS CLI, az and gcloud commands. cadet never runs them. Every identifier is
 * single-quoted for a POSIX shell, because it comes from a log an attacker may have shaped.
 */
public final class Containment {

    private static final Pattern IAM_USER = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:user/(?:.*/)?([^/]+)$");
    private static final Pattern ASSUMED_ROLE = Pattern.compile("^arn:aws[a-z-]*:sts::\\d{12}:assumed-role/([^/]+)/.+$");
    private static final Pattern ROOT = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:root$");
    private static final Pattern INSTANCE = Pattern.compile("^(?:arn:aws[a-z-]*:ec2:[^:]*:\\d{12}:instance/)?(m?i-[0-9a-f]{8,17})$");
    private static final Pattern AZURE_VM = Pattern.compile(
            "(?i)^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.(?:Compute/virtualMachines|HybridCompute/machines)/([^/]+)");
    private static final Pattern GCP_INSTANCE = Pattern.compile("(?:^|/)projects/([^/]+)/zones/([^/]+)/instances/([^/]+)$");
    /** Long-term access key ids; temporary ones (ASIA...) expire and cannot be deactivated. */
    private static final Pattern LONG_TERM_KEY = Pattern.compile("^AKIA[A-Z0-9]{12,124}$");

    private Containment() {
    }

    /** The steps for an incident; none for BENIGN. */
    public static List<ContainmentStep> steps(Decision decision, List<Finding> findings, long lastSeen) {
        if (decision == Decision.BENIGN) {
            return List.of();
        }
        Identifiers ids = new Identifiers();
        for (Finding f : findings) {
            ids.principal(f.principal());
            for (String t : f.targets()) {
                ids.target(t);
            }
            for (CloudEvent e : f.evidence()) {
                ids.event(e);
            }
        }
        String unconfirmed = decision == Decision.TIER1_REVIEW ? "If the owner does not confirm the activity: " : "";
        List<ContainmentStep> steps = new ArrayList<>();
        for (String instance : ids.instances) {
            steps.add(new ContainmentStep("Review what ran on " + instance + ", with output",
                    "aws ssm list-command-invocations --instance-id " + Shell.quote(instance) + " --details"));
        }
        for (String commandId : ids.commandIds) {
            steps.add(new ContainmentStep("Review command " + commandId + " on every instance it reached, with output",
                    "aws ssm list-command-invocations --command-id " + Shell.quote(commandId) + " --details"));
        }
        for (Map.Entry<String, Set<String>> user : ids.users.entrySet()) {
            String name = Shell.quote(user.getKey());
            for (String key : user.getValue()) {
                steps.add(new ContainmentStep(unconfirmed + "Deactivate access key " + key + " of IAM user "
                        + user.getKey(), "aws iam update-access-key --user-name " + name + " --access-key-id "
                        + Shell.quote(key) + " --status Inactive"));
            }
            steps.add(new ContainmentStep(unconfirmed + "Remove console access of IAM user " + user.getKey()
                    + " (its login profile)", "aws iam delete-login-profile --user-name " + name));
            steps.add(new ContainmentStep("List the managed policies attached to IAM user " + user.getKey()
                    + " to audit its permissions", "aws iam list-attached-user-policies --user-name " + name));
            for (String policy : ids.policies.getOrDefault(user.getKey(), Set.of())) {
                steps.add(new ContainmentStep(unconfirmed + "Detach policy " + policy + ", attached to IAM user "
                        + user.getKey() + " in the evidence", "aws iam detach-user-policy --user-name " + name
                        + " --policy-arn " + Shell.quote(policy)));
            }
        }
        String cutoff = revokeBefore(lastSeen);
        for (String role : ids.roles) {
            steps.add(new ContainmentStep(unconfirmed + "Revoke every session of role " + role + " issued before "
                    + cutoff + " (the incident's last activity)", "aws iam put-role-policy --role-name "
                    + Shell.quote(role) + " --policy-name AWSRevokeOlderSessions --policy-document "
                    + Shell.quote(revokePolicy(cutoff))));
        }
        if (ids.root) {
            steps.add(new ContainmentStep(unconfirmed + "Secure the root user: reset its password, delete any root"
                    + " access keys and require MFA", null));
        }
        for (String instance : ids.instances) {
            if (instance.startsWith("i-")) {
                steps.add(new ContainmentStep(unconfirmed + "Isolate " + instance + " once forensics has what it"
                        + " needs (snapshot, memory): replace its security groups with a quarantine group that"
                        + " allows no traffic (put its id in place of the placeholder)",
                        "aws ec2 modify-instance-attribute --instance-id " + Shell.quote(instance)
                                + " --groups 'sg-QUARANTINE-GROUP-ID'"));
            }
        }
        azureAndGcp(ids, unconfirmed, steps);
        steps.add(new ContainmentStep("Reset credentials for potentially compromised accounts", null));
        steps.add(new ContainmentStep("Conduct a full audit of configurations and permissions associated with cloud"
                + " management services (who may send commands or start sessions, command documents, instance"
                + " roles)", null));
        steps.add(new ContainmentStep("Clean up unauthorized scripts or processes on the affected virtual machines",
                null));
        steps.add(new ContainmentStep("Monitor the environment for reattempts or further suspicious activity", null));
        return steps;
    }

    /** The Azure and GCP steps: review and clean machines, disable identities, as az and gcloud commands. */
    private static void azureAndGcp(Identifiers ids, String unconfirmed, List<ContainmentStep> steps) {
        for (String[] vm : ids.azureVms) {
            String where = " --subscription " + Shell.quote(vm[0]) + " --resource-group " + Shell.quote(vm[1]);
            boolean arc = "arc".equals(vm[3]);
            steps.add(new ContainmentStep("List the run commands and extensions on " + (arc ? "Arc machine " : "VM ")
                    + vm[2] + ", to see what ran", arc
                    ? "az connectedmachine extension list" + where + " --machine-name " + Shell.quote(vm[2])
                    : "az vm run-command list" + where + " --vm-name " + Shell.quote(vm[2]) + " && az vm extension list"
                    + where + " --vm-name " + Shell.quote(vm[2])));
            if (!arc) {
                steps.add(new ContainmentStep(unconfirmed + "Stop VM " + vm[2] + " once forensics has what it needs"
                        + " (snapshot the disks first)", "az vm deallocate" + where + " --name " + Shell.quote(vm[2])));
            }
        }
        for (String[] instance : ids.gcpInstances) {
            String where = " --project " + Shell.quote(instance[0]) + " --zone " + Shell.quote(instance[1]);
            steps.add(new ContainmentStep("Read the metadata (startup scripts, ssh keys) of GCP instance " + instance[2],
                    "gcloud compute instances describe " + Shell.quote(instance[2]) + where + " --format='yaml(metadata)'"));
            steps.add(new ContainmentStep(unconfirmed + "Remove the startup script of GCP instance " + instance[2]
                    + " once it is preserved for forensics", "gcloud compute instances remove-metadata "
                    + Shell.quote(instance[2]) + where + " --keys=startup-script,startup-script-url,windows-startup-script-ps1"));
        }
        for (String user : ids.azureUsers) {
            steps.add(new ContainmentStep(unconfirmed + "Block sign-in of Entra user " + user,
                    "az ad user update --id " + Shell.quote(user) + " --account-enabled false"));
            steps.add(new ContainmentStep(unconfirmed + "Revoke the sign-in sessions and refresh tokens of " + user,
                    "az rest --method POST --url " + Shell.quote("https://graph.microsoft.com/v1.0/users/" + user
                    + "/revokeSignInSessions")));
            steps.add(new ContainmentStep("List the role assignments of " + user + " to audit its permissions",
                    "az role assignment list --all --assignee " + Shell.quote(user)));
        }
        for (String account : ids.gcpServiceAccounts) {
            steps.add(new ContainmentStep("List the keys of service account " + account,
                    "gcloud iam service-accounts keys list --iam-account " + Shell.quote(account)));
            steps.add(new ContainmentStep(unconfirmed + "Disable service account " + account,
                    "gcloud iam service-accounts disable " + Shell.quote(account)));
        }
        for (String user : ids.gcpUsers) {
            steps.add(new ContainmentStep(unconfirmed + "Suspend Google account " + user + " and sign it out in the"
                    + " Admin console (Users > " + user + " > Suspend), then review its IAM bindings", null));
        }
    }

    /** The last activity rounded up to the second, so that a session issued in that second is revoked too. */
    static String revokeBefore(long lastSeen) {
        Instant t = Instant.ofEpochMilli(lastSeen);
        Instant whole = t.truncatedTo(ChronoUnit.SECONDS);
        return (whole.equals(t) ? whole : whole.plusSeconds(1)).toString();
    }

    static String revokePolicy(String cutoff) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"*\"],"
                + "\"Resource\":[\"*\"],\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\"" + cutoff + "\"}}}]}";
    }

    /** Identifiers gathered from an incident's findings, sorted so that the steps come out in a stable order. */
    private static final class Identifiers {
        final Map<String, Set<String>> users = new TreeMap<>();
        final Map<String, Set<String>> policies = new TreeMap<>();
        final Set<String> roles = new TreeSet<>();
        final Set<String> instances = new TreeSet<>();
        final Set<String> commandIds = new TreeSet<>();
        final Map<String, String[]> azureVmsById = new TreeMap<>();
        final Map<String, String[]> gcpInstancesById = new TreeMap<>();
        final java.util.Collection<String[]> azureVms = azureVmsById.values();
        final java.util.Collection<String[]> gcpInstances = gcpInstancesById.values();
        final Set<String> azureUsers = new TreeSet<>();
        final Set<String> gcpServiceAccounts = new TreeSet<>();
        final Set<String> gcpUsers = new TreeSet<>();
        boolean root;

        /** Records a principal that acted successfully or was acted upon; returns its IAM user name, if it is one. */
        String principal(String arn) {
            if (arn == null) {
                return null;
            }
            Matcher m = IAM_USER.matcher(arn);
            if (m.matches()) {
                users.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                return m.group(1);
            }
            m = ASSUMED_ROLE.matcher(arn);
            if (m.matches()) {
                roles.add(m.group(1));
            } else if (ROOT.matcher(arn).matches()) {
                root = true;
            }
            return null;
        }

        void target(String target) {
            Matcher m = INSTANCE.matcher(target);
            if (m.matches()) {
                instances.add(m.group(1));
                return;
            }
            m = AZURE_VM.matcher(target);
            if (m.find()) {
                String kind = m.group(0).toLowerCase(java.util.Locale.ROOT).contains("hybridcompute") ? "arc" : "vm";
                azureVmsById.putIfAbsent((m.group(1) + "/" + m.group(2) + "/" + m.group(3)).toLowerCase(java.util.Locale.ROOT),
                        new String[] {m.group(1), m.group(2), m.group(3), kind});
                return;
            }
            m = GCP_INSTANCE.matcher(target);
            if (m.find()) {
                gcpInstancesById.putIfAbsent(m.group(1) + "/" + m.group(2) + "/" + m.group(3),
                        new String[] {m.group(1), m.group(2), m.group(3)});
            }
        }

        /** Azure, Entra and GCP identities that acted successfully. */
        void cloudIdentity(CloudEvent e) {
            String p = e.principal();
            if (e.provider() == Provider.AZURE || e.provider() == Provider.ENTRA) {
                // A user principal name; object ids and managed identities are not users to block this way.
                if (p.contains("@") && e.actor().type() != PrincipalType.SERVICE
                        && e.actor().type() != PrincipalType.INSTANCE) {
                    azureUsers.add(p);
                }
            } else if (e.provider() == Provider.GCP && p.contains("@")) {
                if (p.endsWith(".gserviceaccount.com")) {
                    gcpServiceAccounts.add(p);
                } else {
                    gcpUsers.add(p);
                }
            }
        }

        void event(CloudEvent e) {
            // Failed attempts name whoever the attacker tried; only what succeeded says who is compromised.
            if (e.outcome() == Outcome.FAILURE) {
                return;
            }
            cloudIdentity(e);
            String user = principal(e.principal());
            String key = e.actor().accessKeyId();
            if (user != null && key != null && LONG_TERM_KEY.matcher(key).matches()) {
                users.get(user).add(key);
            }
            if (e.kind() == EventKind.CREDENTIAL_CHANGE || e.kind() == EventKind.PRIVILEGE_CHANGE) {
                String owner = principal(e.subject() != null ? e.subject() : e.principal());
                if (owner != null) {
                    for (String t : e.targets()) {
                        if (e.kind() == EventKind.CREDENTIAL_CHANGE && LONG_TERM_KEY.matcher(t).matches()) {
                            users.get(owner).add(t);
                        } else if (e.kind() == EventKind.PRIVILEGE_CHANGE && e.action().endsWith("AttachUserPolicy")
                                && t.startsWith("arn:")) {
                            policies.computeIfAbsent(owner, k -> new TreeSet<>()).add(t);
                        }
                    }
                }
            }
            if (e.kind().runsOnMachine()) {
                for (String t : e.targets()) {
                    target(t);
                }
                if (e.command() != null && e.command().commandId() != null && e.action().startsWith("ssm:")) {
                    commandIds.add(e.command().commandId());
                }
            }
        }
    }
}
