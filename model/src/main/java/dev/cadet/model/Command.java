package dev.cadet.model;

import java.io.Serializable;
import java.util.List;

/**
 * What was run, as far as the log tells.
 *
 * @param document       document, script or extension name (for example {@code AWS-RunShellScript}), or {@code null}
 * @param lines          command text lines when the log carries them (attacker-controlled); empty when hidden
 * @param commandId      provider id of the command, to join with command history, or {@code null}
 * @param outputLocation where output was sent (bucket, storage URI), or {@code null}
 */
public record Command(String document, List<String> lines, String commandId, String outputLocation) implements Serializable {

    public Command {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
