package dev.cadet.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One audit record, normalized across providers.
 *
 * @param provider      the cloud the record comes from
 * @param eventId       the provider's unique id of the record (CloudTrail {@code eventID}, Azure
 *                      {@code eventDataId}, GCP {@code insertId}); duplicates share it
 * @param time          event time, epoch milliseconds UTC
 * @param kind          what the event means for T1651
 * @param action        provider operation as {@code service:Operation}, for example
 *                      {@code ssm:SendCommand} or {@code Microsoft.Compute/virtualMachines/runCommand/action}
 * @param outcome       whether it succeeded
 * @param errorCode     provider error code when it failed, or {@code null}
 * @param errorMessage  provider error message (may quote attacker input), or {@code null}
 * @param actor         who made the request
 * @param source        where it came from
 * @param targets       resources the operation acts on: for commands and sessions the machines (instance
 *                      ids, VM resource ids, tag selectors, {@code *}); for credential changes the new or
 *                      changed credential (access key id); for privilege changes the policy or role granted;
 *                      may be empty
 * @param subject       principal acted upon by an identity change (the user that got a new key or
 *                      policy), in the same canonical form as {@link Actor#principalId()}, or {@code null}
 * @param command       what was run, for command executions and script definitions, or {@code null}
 * @param cloud         account and region
 * @param correlationId id shared by several records of one operation (Azure Started/Succeeded), or {@code null}
 * @param origin        where the raw record is
 */
public record CloudEvent(Provider provider, String eventId, long time, EventKind kind, String action,
                         Outcome outcome, String errorCode, String errorMessage, Actor actor, Source source,
                         List<String> targets, String subject, Command command, CloudScope cloud,
                         String correlationId, Origin origin) implements Serializable {

    public CloudEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(actor, "actor");
        source = source == null ? Source.UNKNOWN : source;
        targets = targets == null ? List.of() : List.copyOf(targets);
        cloud = cloud == null ? CloudScope.UNKNOWN : cloud;
        Objects.requireNonNull(origin, "origin");
    }

    /** The canonical principal id of the actor. */
    public String principal() {
        return actor.principalId();
    }

    /** This event with command details replaced, for joining command history by command id. */
    public CloudEvent withCommand(Command newCommand) {
        return new CloudEvent(provider, eventId, time, kind, action, outcome, errorCode, errorMessage, actor,
                source, targets, subject, newCommand, cloud, correlationId, origin);
    }
}
