package dev.cadet.detectors;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a built-in detector does and where it comes from, for documentation and a {@code rules} command.
 *
 * @param id           detector id, as in {@link dev.cadet.model.Finding#detector()}
 * @param title        short human title
 * @param playbookLine the playbook line the detector implements, quoted
 * @param attack       MITRE ATT&amp;CK techniques, for example {@code T1098, T1651}
 * @param logic        what it looks for, in a few sentences
 * @param defaults     the configuration properties it reads with their default values, sorted by name
 */
public record DetectorInfo(String id, String title, String playbookLine, String attack, String logic,
                           Map<String, String> defaults) {

    public DetectorInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(playbookLine, "playbookLine");
        Objects.requireNonNull(attack, "attack");
        Objects.requireNonNull(logic, "logic");
        defaults = Collections.unmodifiableMap(new TreeMap<>(defaults));
    }
}
