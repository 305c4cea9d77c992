package dev.cadet.reports;

import dev.cadet.model.Actor;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.CloudScope;
import dev.cadet.model.EventKind;
import dev.cadet.model.Finding;
import dev.cadet.model.Mfa;
import dev.cadet.model.Origin;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;
import dev.cadet.model.ScanResult;
import dev.cadet.model.Source;
import dev.cadet.reports.internal.JsonText;
import dev.cadet.reports.internal.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** findings.jsonl (OCSF Detection Finding) and the normalized-event writer (OCSF 6003 / 3002 / 3001). */
class OcsfTest {

    private static final List<String> CLASSIFICATION = List.of("activity_id", "activity_name", "category_uid",
            "category_name", "class_uid", "class_name", "type_uid", "type_name", "severity_id", "severity");

    @ParameterizedTest
    @ValueSource(strings = {"realistic", "empty", "hostile"})
    void oneDetectionFindingPerLineInIdOrder(String name) {
        ScanResult r = MarkdownSafetyTest.fixture(name);
        String jsonl = Render.findingsJsonl(r);
        List<String> lines = jsonl.lines().toList();
        assertThat(lines).hasSize(r.findings().size());
        assertThat(jsonl.isEmpty() || jsonl.endsWith("\n")).isTrue();
        assertThat(jsonl).doesNotContain("\r");
        for (int k = 0; k < lines.size(); k++) {
            Map<String, Object> f = Json.object(Json.read(lines.get(k)));
            Finding expected = r.findings().get(k);
            assertThat(f.keySet()).containsAll(CLASSIFICATION).contains("time", "metadata", "finding_info");
            assertThat(f).contains(entry("class_uid", 2004L), entry("category_uid", 2L), entry("activity_id", 1L),
                    entry("type_uid", 200401L), entry("status_id", 1L), entry("time", expected.lastSeen()));
            Map<String, Object> info = Json.object(f.get("finding_info"));
            assertThat(info).contains(entry("uid", expected.id()), entry("desc", JsonText.value(expected.summary())));
            assertThat(Json.array(info.get("related_events"))).hasSize(expected.evidence().size());
            assertThat(Json.array(f.get("evidences"))).hasSize(expected.evidence().size());
            assertThat(Json.object(Json.object(f.get("metadata")).get("product"))).contains(entry("name", "cadet"));
        }
        assertThat(jsonl.codePoints().filter(c -> Text.isHidden(c) && !Character.isSurrogate((char) c)).count()).isZero();
    }

    @Test
    void severityAndIncidentDecisionAreMapped() {
        ScanResult r = Fixtures.realistic();
        List<Map<String, Object>> lines = Render.findingsJsonl(r).lines().map(l -> Json.object(Json.read(l))).toList();
        // F-0002 is CRITICAL in an escalated incident; F-0006 is LOW approved automation; F-0007 is in no incident.
        assertThat(lines.get(1)).contains(entry("severity_id", 5L), entry("severity", "Critical"), entry("is_alert", true));
        assertThat(Json.array(Json.object(lines.get(1).get("unmapped")).get("incidents")))
                .containsExactly(Map.of("uid", "INC-001", "decision", "ESCALATE_TIER2"));
        assertThat(lines.get(5)).contains(entry("severity_id", 2L), entry("is_alert", false));
        assertThat(lines.get(6)).contains(entry("severity_id", 1L), entry("is_alert", true));
    }

    @Test
    void eventsMapToApiActivityAuthenticationOrAccountChange() {
        List<Map<String, Object>> out = normalize(List.of(
                event(EventKind.COMMAND_EXECUTION, "ssm:SendCommand", Outcome.SUCCESS, List.of("i-0a", "i-0b")),
                event(EventKind.AUTHENTICATION, "signin:ConsoleLogin", Outcome.FAILURE, List.of()),
                event(EventKind.CREDENTIAL_CHANGE, "iam:CreateAccessKey", Outcome.SUCCESS, List.of("AKIANEW")),
                event(EventKind.PRIVILEGE_CHANGE, "iam:AttachUserPolicy", Outcome.SUCCESS,
                        List.of("arn:aws:iam::aws:policy/AdministratorAccess")),
                event(EventKind.COMMAND_RECON, "ssm:ListCommands", Outcome.SUCCESS, List.of()),
                event(EventKind.COMMAND_EXECUTION, "Microsoft.Compute/virtualMachines/runCommand/action",
                        Outcome.UNKNOWN, List.of("/subscriptions/s/vm"))));

        assertThat(out.get(0)).contains(entry("class_uid", 6003L), entry("category_uid", 6L), entry("activity_id", 1L),
                entry("type_uid", 600301L), entry("status_id", 1L), entry("time", Fixtures.T0));
        assertThat(Json.object(out.get(0).get("api"))).contains(entry("operation", "SendCommand"))
                .containsEntry("service", Map.of("name", "ssm"));
        assertThat(Json.array(out.get(0).get("resources"))).containsExactly(Map.of("uid", "i-0a"), Map.of("uid", "i-0b"));
        assertThat(Json.object(Json.object(out.get(0).get("actor")).get("user")))
                .contains(entry("uid", "arn:aws:iam::111122223333:user/alice"), entry("credential_uid", "AKIAKEY"));

        assertThat(out.get(1)).contains(entry("class_uid", 3002L), entry("category_uid", 3L), entry("activity_id", 1L),
                entry("status_id", 2L), entry("status_code", "Failed"), entry("is_mfa", false));
        assertThat(out.get(2)).contains(entry("class_uid", 3001L), entry("activity_id", 99L),
                entry("activity_name", "CreateAccessKey"), entry("type_uid", 300199L));
        assertThat(Json.object(out.get(2).get("user"))).containsEntry("uid", "arn:aws:iam::111122223333:user/bob");
        assertThat(out.get(3)).contains(entry("activity_id", 7L), entry("activity_name", "Attach Policy"));
        assertThat(Json.object(out.get(3).get("policy"))).containsEntry("name", "arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(out.get(4)).contains(entry("class_uid", 6003L), entry("activity_id", 2L), entry("activity_name", "Read"));
        assertThat(out.get(5)).contains(entry("activity_id", 99L), entry("status_id", 0L));
        assertThat(Json.object(out.get(5).get("unmapped"))).containsEntry("origin",
                Map.of("file", "logs/a.json", "record", 7L, "line", 3L));
    }

    @Test
    void hostileStringsRoundTripExactlyAndNeverReachTheFileRaw() {
        for (int k = 0; k < Fixtures.HOSTILE.size(); k++) {
            String h = Fixtures.h(k);
            CloudEvent e = new CloudEvent(Provider.AWS, Fixtures.h(k + 1), Fixtures.T0, EventKind.COMMAND_EXECUTION,
                    Fixtures.h(k + 2), Outcome.FAILURE, Fixtures.h(k + 3), h,
                    new Actor(h, PrincipalType.USER, h, h, h, Mfa.USED, h, h), new Source(h, h, h, h, h), List.of(h),
                    h, new dev.cadet.model.Command(h, List.of(h, h), h, h), new CloudScope(h, h), h,
                    new Origin(h, 1, 0, 0));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OcsfEventWriter w = OcsfEventWriter.to(bytes)) {
                w.write(e);
            }
            String line = bytes.toString(StandardCharsets.UTF_8);
            assertThat(line).endsWith("\n");
            assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n", "\r");
            assertThat(line.codePoints().filter(c -> Text.isHidden(c) && !Character.isSurrogate((char) c)).count()).isZero();
            Map<String, Object> o = Json.object(Json.read(line));
            assertThat(o).containsEntry("status_detail", JsonText.value(h));
            assertThat(Json.object(Json.object(o.get("http_request")))).containsEntry("user_agent", JsonText.value(h));
            assertThat(Json.array(Json.object(Json.object(o.get("unmapped")).get("command")).get("lines")))
                    .containsExactly(JsonText.value(h), JsonText.value(h));
        }
    }

    @Test
    void theWriterFlushesButLeavesTheStreamOpen() {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FilterOutputStream out = new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (OcsfEventWriter w = OcsfEventWriter.to(out)) {
            w.write(event(EventKind.OTHER, "ec2:DescribeInstances", Outcome.SUCCESS, List.of()));
            w.write(event(EventKind.OTHER, "ec2:DescribeInstances", Outcome.SUCCESS, List.of()));
            assertThat(w.written()).isEqualTo(2);
        }
        assertThat(closed[0]).isFalse();
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
    }

    @Test
    void normalizedEventsFileIsWrittenAtomically(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("events.jsonl");
        long n = Reports.ocsfEvents(target, w -> w.write(event(EventKind.OTHER, "s3:GetObject", Outcome.SUCCESS,
                List.of())));
        assertThat(n).isEqualTo(1);
        assertThat(Files.readString(target)).startsWith("{\"activity_id\":2,").endsWith("}\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void formatsChooseTheFilesWritten(@TempDir Path dir) {
        List<Path> written = Reports.write(Fixtures.realistic(), dir, EnumSet.of(ReportFormat.CSV, ReportFormat.JSONL));
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("findings.csv", "incidents.csv", "timeline.csv", "findings.jsonl");
        assertThat(ReportFormat.of(" MD ")).isEqualTo(ReportFormat.MD);
        assertThatThrownBy(() -> ReportFormat.of("pdf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report format 'pdf': expected one of md, csv, jsonl, json");
    }

    @Test
    void terminalTextCannotDriveTheTerminal() {
        assertThat(TerminalText.safe("a\u001b[31mb\r\nc\u202ed\u009b\u0007")).isEqualTo("a\uFFFD[31mb c\uFFFDd\uFFFD\uFFFD");
        assertThat(TerminalText.safe(null)).isEmpty();
        for (String h : Fixtures.HOSTILE) {
            assertThat(TerminalText.safe(h).codePoints().filter(c -> c < 0x20 || Text.isHidden(c)).count()).as(h).isZero();
        }
    }

    private static CloudEvent event(EventKind kind, String action, Outcome outcome, List<String> targets) {
        Actor alice = new Actor("arn:aws:iam::111122223333:user/alice", PrincipalType.USER, "alice", "111122223333",
                "AKIAKEY", Mfa.NOT_USED, null, null);
        return new CloudEvent(Provider.AWS, "id-1", Fixtures.T0, kind, action, outcome,
                outcome == Outcome.FAILURE ? "Failed" : null, null, alice,
                new Source("203.0.113.9", null, "aws-cli/2", "DE", null), targets,
                kind == EventKind.CREDENTIAL_CHANGE ? "arn:aws:iam::111122223333:user/bob" : null, null,
                new CloudScope("111122223333", "us-east-1"), null, new Origin("logs/a.json", 7, 3, 1));
    }

    private static List<Map<String, Object>> normalize(List<CloudEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OcsfEventWriter w = OcsfEventWriter.to(bytes)) {
            events.forEach(w::write);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().map(l -> Json.object(Json.read(l))).toList();
    }
}
