package dev.cadet.detectors.testkit;

import dev.cadet.model.Actor;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.CloudScope;
import dev.cadet.model.Command;
import dev.cadet.model.EventKind;
import dev.cadet.model.Mfa;
import dev.cadet.model.Origin;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;
import dev.cadet.model.Source;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Concise CloudEvents for tests: {@code E.command(E.user("alice")).at(E.t("10:05")).targets("i-1").build()}. */
public final class E {

    /** 2024-05-01T00:00:00Z: test times are offsets from this midnight. */
    public static final long DAY = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();
    public static final String ACCOUNT = "111122223333";
    public static final long MINUTE = 60_000L;
    public static final long HOUR = 3_600_000L;

    private static final AtomicInteger SEQ = new AtomicInteger();

    private E() {
    }

    /** {@code "10:05"} or {@code "10:05:30.250"} on the test day. */
    public static long t(String time) {
        return DAY + LocalTime.parse(time).toNanoOfDay() / 1_000_000L;
    }

    public static long ms(Duration d) {
        return d.toMillis();
    }

    public static String user(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":user/" + name;
    }

    public static String role(String role, String session) {
        return "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + session;
    }

    public static Builder command(String principal) {
        return new Builder(EventKind.COMMAND_EXECUTION, "ssm:SendCommand", principal).document("AWS-RunShellScript");
    }

    public static Builder session(String principal) {
        return new Builder(EventKind.INTERACTIVE_SESSION, "ssm:StartSession", principal);
    }

    /** A SendCommand refused with AccessDenied. */
    public static Builder denied(String principal) {
        return command(principal).outcome(Outcome.FAILURE).error("AccessDenied");
    }

    public static Builder login(String principal) {
        return new Builder(EventKind.AUTHENTICATION, "signin:ConsoleLogin", principal);
    }

    public static Builder loginFailed(String principal) {
        return login(principal).outcome(Outcome.FAILURE).error("Failed authentication");
    }

    public static Builder createKey(String actor, String forUser, String newKey) {
        return new Builder(EventKind.CREDENTIAL_CHANGE, "iam:CreateAccessKey", actor).subject(forUser).targets(newKey);
    }

    public static Builder attachPolicy(String actor, String toUser, String policyArn) {
        return new Builder(EventKind.PRIVILEGE_CHANGE, "iam:AttachUserPolicy", actor).subject(toUser).targets(policyArn);
    }

    /** A generic event of any kind and action, for the detectors that look at actions. */
    public static Builder event(EventKind kind, String action, String principal) {
        return new Builder(kind, action, principal);
    }

    public static Builder other(String principal) {
        return new Builder(EventKind.OTHER, "ec2:DescribeInstances", principal);
    }

    /** Mutable on purpose: a test sets what it cares about and builds. */
    public static final class Builder {
        private Provider provider = Provider.AWS;
        private String id;
        private long time = DAY;
        private final EventKind kind;
        private String action;
        private Outcome outcome = Outcome.SUCCESS;
        private String errorCode;
        private String principal;
        private PrincipalType type = PrincipalType.USER;
        private String accessKey;
        private String ip = "198.51.100.7";
        private String host;
        private List<String> targets = List.of();
        private String subject;
        private String document;
        private String commandId;
        private String account = ACCOUNT;
        private String region = "us-east-1";
        private String correlationId;
        private List<String> lines = List.of();
        private String country;
        private Mfa mfa = Mfa.UNKNOWN;

        Builder(EventKind kind, String action, String principal) {
            this.kind = kind;
            this.action = action;
            this.principal = principal;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder at(long v) { time = v; return this; }
        public Builder at(String v) { time = t(v); return this; }
        public Builder provider(Provider v) { provider = v; return this; }
        public Builder action(String v) { action = v; return this; }
        public Builder outcome(Outcome v) { outcome = v; return this; }
        public Builder error(String v) { errorCode = v; return this; }
        public Builder type(PrincipalType v) { type = v; return this; }
        public Builder key(String v) { accessKey = v; return this; }
        public Builder ip(String v) { ip = v; host = null; return this; }
        public Builder host(String v) { host = v; ip = null; return this; }
        public Builder noSource() { host = null; ip = null; return this; }
        public Builder targets(String... v) { targets = List.of(v); return this; }
        public Builder subject(String v) { subject = v; return this; }
        public Builder document(String v) { document = v; return this; }
        public Builder commandId(String v) { commandId = v; return this; }
        public Builder account(String v) { account = v; return this; }
        public Builder region(String v) { region = v; return this; }
        public Builder correlation(String v) { correlationId = v; return this; }
        public Builder lines(String... v) { lines = List.of(v); return this; }
        public Builder country(String v) { country = v; return this; }
        public Builder mfa(Mfa v) { mfa = v; return this; }

        public CloudEvent build() {
            String eventId = id != null ? id : String.format("ev-%06d", SEQ.incrementAndGet());
            Actor actor = new Actor(principal, type, null, account, accessKey, mfa, null, null);
            Command command = document == null && commandId == null && lines.isEmpty() ? null
                    : new Command(document, lines, commandId, null);
            return new CloudEvent(provider, eventId, time, kind, action, outcome, errorCode, null, actor,
                    new Source(ip, host, "aws-cli/2", country, null), targets, subject,
                    kind.runsOnMachine() || kind == EventKind.SCRIPT_DEFINITION ? command : null, new CloudScope(account, region), correlationId,
                    new Origin("test.json", SEQ.get(), 0, 0));
        }
    }
}
