package dev.cadet.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The answer to one of the playbook's analysis questions or Tier-1 checks for an incident.
 *
 * @param question   the question or check, as the playbook words it
 * @param answer     what the supplied logs show, or "no evidence in the supplied logs"
 * @param findingIds the findings the answer rests on; empty when there is no evidence
 */
public record Answer(String question, String answer, List<String> findingIds) implements Serializable {

    /** What an answer says when the logs hold nothing either way. */
    public static final String NO_EVIDENCE = "No evidence in the supplied logs.";

    public Answer {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        findingIds = List.copyOf(findingIds);
    }
}
