package dev.cadet.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A Tier-2 or containment action with the real identifiers filled in. cadet never runs it.
 *
 * @param description what the step does and why, for example "Deactivate the access key used by the intruder"
 * @param command     a ready-to-review CLI command, or {@code null} when the step is manual
 */
public record ContainmentStep(String description, String command) implements Serializable {

    public ContainmentStep {
        Objects.requireNonNull(description, "description");
    }
}
