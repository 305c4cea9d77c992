package dev.cadet.detectors.scenarios;

import dev.cadet.detectors.DetectionConfig;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Decision;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * One story the detectors must get right: the events a cloud would log, the configuration an analyst
 * would scan them with, and the decision the incident of {@code subject} must get.
 *
 * @param name        short id, used as the test name
 * @param story       what happens, in a sentence
 * @param events      the logged events, sorted by time here (the order-independence test mixes them
 *                    within the allowed lateness)
 * @param config      the scan configuration
 * @param subject     the principal whose incident is judged
 * @param decision    the decision that incident must get
 * @param detectors   detectors that must have findings in that incident
 * @param rules       policy rules that must be among its reasons
 */
public record Scenario(String name, String story, List<CloudEvent> events, DetectionConfig config, String subject,
                       Decision decision, Set<String> detectors, Set<String> rules) {

    public Scenario {
        events = events.stream().sorted(Comparator.comparingLong(CloudEvent::time)).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
