package dev.cadet.reports.internal;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An incident's evidence as a Mermaid flowchart, top to bottom in time order, for renderers that draw
 * it (GitHub, GitLab, many editors). Consecutive events that repeat one step (same principal, action,
 * outcome, source and targets) become one node with a count, so a burst of failed logins is one box.
 * Every label is built from {@link MermaidText#label} values joined by the writer's own separators.
 */
final class MermaidTimeline {

    /** Nodes drawn at most; the table beside the diagram and timeline.csv have every event. */
    static final int MAX_NODES = 30;
    static final int MAX_TARGETS = 3;
    /** What separates the lines of a label; writer-made, never from input. */
    static final String BREAK = "<br/>";

    private MermaidTimeline() {
    }

    /** One step: a run of events that repeat the same thing. */
    private static final class Step {
        final CloudEvent first;
        CloudEvent last;
        int count = 1;

        Step(CloudEvent e) {
            this.first = e;
            this.last = e;
        }

        boolean repeats(CloudEvent e) {
            return e.principal().equals(first.principal()) && e.action().equals(first.action())
                    && e.outcome() == first.outcome() && e.kind() == first.kind()
                    && Objects.equals(e.source().address(), first.source().address())
                    && e.targets().equals(first.targets());
        }
    }

    /** The fenced {@code mermaid} block, ending with a line feed; {@code null} when there are no events. */
    static String block(List<CloudEvent> events) {
        if (events.isEmpty()) {
            return null;
        }
        List<Step> steps = new ArrayList<>();
        for (CloudEvent e : events) {
            Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            if (last != null && last.repeats(e)) {
                last.last = e;
                last.count++;
            } else {
                steps.add(new Step(e));
            }
        }
        int shown = Math.min(MAX_NODES, steps.size());
        StringBuilder b = new StringBuilder(256 + 160 * shown);
        b.append("```mermaid\nflowchart TD\n");
        for (int i = 0; i < shown; i++) {
            b.append("  n").append(i + 1).append("[\"").append(label(steps.get(i))).append("\"]\n");
        }
        if (steps.size() > shown) {
            b.append("  more[\"").append(steps.size() - shown)
                    .append(" more steps: see the timeline table and timeline.csv\"]\n");
        }
        for (int i = 1; i < shown; i++) {
            b.append("  n").append(i).append(" --> n").append(i + 1).append('\n');
        }
        if (steps.size() > shown) {
            b.append("  n").append(shown).append(" --> more\n");
        }
        b.append("  classDef failure fill:#fadbd8,stroke:#c0392b\n")
                .append("  classDef command fill:#fdebd0,stroke:#d35400\n")
                .append("  classDef identity fill:#fcf3cf,stroke:#b7950b\n")
                .append("  classDef signin fill:#d6eaf8,stroke:#2874a6\n");
        for (String style : List.of("failure", "command", "identity", "signin")) {
            List<String> nodes = new ArrayList<>();
            for (int i = 0; i < shown; i++) {
                if (style.equals(style(steps.get(i).first))) {
                    nodes.add("n" + (i + 1));
                }
            }
            if (!nodes.isEmpty()) {
                b.append("  class ").append(String.join(",", nodes)).append(' ').append(style).append('\n');
            }
        }
        return b.append("```\n").toString();
    }

    private static String style(CloudEvent e) {
        if (e.outcome() == Outcome.FAILURE) {
            return "failure";
        }
        if (e.kind().runsOnMachine()) {
            return "command";
        }
        if (e.kind() == EventKind.CREDENTIAL_CHANGE || e.kind() == EventKind.PRIVILEGE_CHANGE) {
            return "identity";
        }
        return e.kind() == EventKind.AUTHENTICATION ? "signin" : "other";
    }

    private static String label(Step s) {
        CloudEvent e = s.first;
        StringBuilder b = new StringBuilder(160);
        b.append(Text.time(e.time()));
        if (s.count > 1) {
            b.append(" to ").append(Text.time(s.last.time()));
        }
        b.append(BREAK).append(MermaidText.label(e.action())).append(' ').append(e.outcome().name());
        if (s.count > 1) {
            b.append(" x").append(s.count);
        }
        b.append(BREAK).append("by ").append(MermaidText.label(e.principal()));
        if (e.source().address() != null) {
            b.append(" from ").append(MermaidText.label(e.source().address()));
        }
        if (!e.targets().isEmpty()) {
            List<String> targets = e.targets().subList(0, Math.min(MAX_TARGETS, e.targets().size()));
            b.append(BREAK).append("on ");
            for (int i = 0; i < targets.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(MermaidText.label(targets.get(i)));
            }
            if (e.targets().size() > targets.size()) {
                b.append(" and ").append(e.targets().size() - targets.size()).append(" more");
            }
        }
        return b.toString();
    }
}
