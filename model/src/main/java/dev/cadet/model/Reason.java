package dev.cadet.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One rule of the escalation policy that held for an incident.
 *
 * @param rule       policy rule id, for example {@code account-compromise}
 * @param text       why, in a sentence, naming the playbook line it applies
 * @param findingIds the findings that made the rule hold
 */
public record Reason(String rule, String text, List<String> findingIds) implements Serializable {

    public Reason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(text, "text");
        findingIds = List.copyOf(findingIds);
    }
}
