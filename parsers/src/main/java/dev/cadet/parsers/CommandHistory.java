package dev.cadet.parsers;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What was run, by command id, from SSM command history ({@code aws ssm list-commands} and
 * {@code aws ssm list-command-invocations --details} output read by {@link LogReader}, in
 * {@link FileResult#history()}). CloudTrail hides the commands of a {@code SendCommand}
 * ({@code HIDDEN_DUE_TO_SECURITY_REASONS}); the history has them, and {@link #attach} puts them back on
 * the event.
 *
 * <pre>{@code
 * List<Command> history = new ArrayList<>();
 * for (Path file : files) {
 *     history.addAll(reader.read(file, events::add).history());
 * }
 * CommandHistory commands = CommandHistory.of(history);
 * events.replaceAll(commands::attach);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CommandHistory {

    private static final CommandHistory EMPTY = new CommandHistory(Map.of());

    /** Merging in this order makes the history independent of the order files were read in. */
    private static final Comparator<Command> MERGE_ORDER = Comparator.comparing(Command::commandId)
            .thenComparing(c -> c.lines().isEmpty())
            .thenComparing(c -> String.valueOf(c.document()))
            .thenComparing(c -> String.join("\n", c.lines()))
            .thenComparing(c -> String.valueOf(c.outputLocation()));

    private final Map<String, Command> byId;

    private CommandHistory(Map<String, Command> byId) {
        this.byId = byId;
    }

    /** No history: {@link #attach} returns every event as it is. */
    public static CommandHistory empty() {
        return EMPTY;
    }

    /**
     * The history of these entries, whatever their order. Entries without a command id are ignored. Several
     * entries for one command (list-commands gives the command text once, list-command-invocations one entry
     * per instance) are merged part by part; where two entries disagree, the one with command text wins, then
     * the first in a fixed order of their contents.
     */
    public static CommandHistory of(Collection<Command> entries) {
        List<Command> sorted = new ArrayList<>(entries.size());
        for (Command entry : entries) {
            if (Objects.requireNonNull(entry, "history entry").commandId() != null) {
                sorted.add(entry);
            }
        }
        sorted.sort(MERGE_ORDER);
        Map<String, Command> byId = new LinkedHashMap<>();
        for (Command entry : sorted) {
            byId.merge(entry.commandId(), entry, CommandHistory::fill);
        }
        return byId.isEmpty() ? EMPTY : new CommandHistory(Map.copyOf(byId));
    }

    /** What the history knows of a command. */
    public Optional<Command> find(String commandId) {
        return commandId == null ? Optional.empty() : Optional.ofNullable(byId.get(commandId));
    }

    /** How many commands the history knows. */
    public int size() {
        return byId.size();
    }

    /**
     * The event with its command completed from the history: when it carries a command id the history knows,
     * the parts the log left empty (the command lines CloudTrail hides, the document, the output location) are
     * filled; what the log has is kept. Any other event is returned as it is.
     */
    public CloudEvent attach(CloudEvent event) {
        Command logged = event.command();
        if (logged == null || logged.commandId() == null) {
            return event;
        }
        Command known = byId.get(logged.commandId());
        if (known == null) {
            return event;
        }
        Command joined = fill(logged, known);
        return joined.equals(logged) ? event : event.withCommand(joined);
    }

    /** {@code first}, its empty parts taken from {@code second}. */
    private static Command fill(Command first, Command second) {
        return new Command(first.document() != null ? first.document() : second.document(),
                !first.lines().isEmpty() ? first.lines() : second.lines(),
                first.commandId(),
                first.outputLocation() != null ? first.outputLocation() : second.outputLocation());
    }

    @Override
    public String toString() {
        return "CommandHistory[" + byId.size() + " commands]";
    }
}
