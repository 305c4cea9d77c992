package dev.cadet.parsers;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.FileReport;
import dev.cadet.model.Mfa;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Provider;
import dev.cadet.model.Reject;
import dev.cadet.parsers.internal.EventTimes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real logs written by others ({@code <cadet.shared.dir>/data/public}, see its PROVENANCE.md).
 * Skipped when that folder is absent. Numbers asserted here were measured on those files.
 */
class RealSamplesTest {

    private static Path data;
    private static final LogReader READER = LogReader.create();

    /** Per test, so that each one is reported as skipped, with the reason, when the samples are absent. */
    @BeforeEach
    void findSamples() {
        String shared = System.getProperty("cadet.shared.dir");
        assumeTrue(shared != null, "system property cadet.shared.dir is not set: real-sample tests skipped");
        data = Path.of(shared, "data", "public");
        assumeTrue(Files.isDirectory(data), "no public samples at " + data + ": real-sample tests skipped");
    }

    /** Everything read from one input. */
    private record Read(Path file, FileResult result, List<CloudEvent> events) {

        FileReport report() {
            return result.report();
        }

        String name() {
            return file.getFileName().toString();
        }
    }

    private static List<Read> readAll(String folder) {
        Path root = data.resolve(folder);
        assumeTrue(Files.isDirectory(root), "sample folder missing: " + root);
        List<Path> files = READER.expand(List.of(root));
        // One reader, many threads: the shared instance must give the same answer as reading one by one.
        return files.parallelStream().map(RealSamplesTest::read).toList();
    }

    private static Read read(Path file) {
        List<CloudEvent> events = Collections.synchronizedList(new ArrayList<>());
        FileResult result = READER.read(file, events::add);
        return new Read(file, result, List.copyOf(events));
    }

    private static Read one(String path) {
        Path file = data.resolve(path);
        assumeTrue(Files.isRegularFile(file), "sample missing: " + file);
        return read(file);
    }

    private static List<CloudEvent> events(List<Read> reads) {
        return reads.stream().flatMap(r -> r.events().stream()).toList();
    }

    private static long sum(List<Read> reads, Function<FileReport, Long> count) {
        return reads.stream().mapToLong(r -> count.apply(r.report())).sum();
    }

    @Test
    void sansLabDeliveryFilesAllBecomeEvents() {
        List<Read> reads = readAll("aws-cloudtrail/sans-504-s3-ransomware-lab");

        assertThat(reads).hasSize(3_872);
        assertThat(reads).allSatisfy(r -> {
            assertThat(r.report().format()).isEqualTo("cloudtrail-records");
            assertThat(r.report().error()).isNull();
            assertThat(r.report().quarantined()).isZero();
            assertThat(r.report().records()).isEqualTo(r.report().events()).isEqualTo(r.events().size());
        });
        List<CloudEvent> events = events(reads);
        assertThat(events).hasSize(30_477);
        assertThat(sum(reads, FileReport::records)).isEqualTo(30_477);
        // 10,056 records carry an errorCode; one failed console login carries its result in the body.
        assertThat(events.stream().filter(e -> e.outcome() == Outcome.FAILURE)).hasSize(10_057);
        assertThat(events.stream().filter(e -> e.errorCode() != null)).hasSize(10_056);
        assertThat(events.stream().filter(e -> "AccessDenied".equals(e.errorCode()))).hasSize(10_014);
        assertThat(countBy(events, e -> e.actor().type())).containsExactlyInAnyOrderEntriesOf(Map.of(
                PrincipalType.SERVICE, 27_408L, PrincipalType.USER, 2_342L, PrincipalType.ROOT, 725L,
                PrincipalType.ROLE, 2L));
        assertThat(events.stream().map(e -> e.cloud().account()).distinct()).containsExactly("342082656213");
        assertThat(events.stream().map(e -> e.cloud().region()).distinct()).hasSize(13);
        assertThat(Instant.ofEpochMilli(events.stream().mapToLong(CloudEvent::time).min().orElseThrow()))
                .isEqualTo("2021-07-28T15:28:12Z");
        assertThat(Instant.ofEpochMilli(events.stream().mapToLong(CloudEvent::time).max().orElseThrow()))
                .isEqualTo("2021-08-02T09:50:03Z");
        // No command execution in the lab, but an intruder grants itself everything and makes a key.
        assertThat(countBy(events, CloudEvent::kind)).containsExactlyInAnyOrderEntriesOf(Map.of(
                EventKind.OTHER, 30_287L, EventKind.AUTHENTICATION, 186L, EventKind.PRIVILEGE_CHANGE, 3L,
                EventKind.CREDENTIAL_CHANGE, 1L));
        CloudEvent selfGrant = events.stream().filter(e -> e.action().equals("iam:PutUserPolicy")).findFirst()
                .orElseThrow();
        assertThat(selfGrant.principal()).isEqualTo("arn:aws:iam::342082656213:user/jmerckle");
        assertThat(selfGrant.subject()).isEqualTo("arn:aws:iam::342082656213:user/jmerckle");
        assertThat(selfGrant.targets()).containsExactly("zlj9i0k83o");
        CloudEvent newKey = events.stream().filter(e -> e.kind() == EventKind.CREDENTIAL_CHANGE).findFirst()
                .orElseThrow();
        assertThat(newKey.action()).isEqualTo("iam:CreateAccessKey");
        assertThat(newKey.subject()).isEqualTo("arn:aws:iam::342082656213:user/jmerckle");
        List<CloudEvent> logins = events.stream().filter(e -> e.action().equals("signin:ConsoleLogin")).toList();
        assertThat(logins).hasSize(5).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.AUTHENTICATION);
            assertThat(e.actor().type()).isEqualTo(PrincipalType.ROOT);
            assertThat(e.actor().mfa()).isEqualTo(Mfa.NOT_USED);
        });
        assertThat(logins).filteredOn(e -> e.outcome() == Outcome.FAILURE).hasSize(1);
        // AWS services are named by the service, and their source is a host, not an IP.
        assertThat(events).filteredOn(e -> e.actor().type() == PrincipalType.SERVICE)
                .allSatisfy(e -> assertThat(e.principal()).endsWith(".amazonaws.com"));
        assertThat(events.stream().filter(e -> "cloudtrail.amazonaws.com".equals(e.source().serviceHost())))
                .hasSize(17_399);
        // 6,496 records were delivered twice, byte-identical, in two files: the parser keeps both (it counts
        // what it reads); dropping repeats by eventId is the event-time pipeline's job.
        assertThat(events.stream().map(CloudEvent::eventId).distinct()).hasSize(23_981);
    }

    @Test
    void traildiscoverSamplesIncludingJavaScriptStyleOnes() {
        List<Read> reads = readAll("aws-cloudtrail/traildiscover");

        assertThat(formats(reads)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "CreateApiKey.json", "cloudtrail-array", "DeleteTrail.json", "cloudtrail-array",
                "LookupEvents.json", "cloudtrail-array", "PutEventSelectors.json", "empty",
                "StopLogging.json", "cloudtrail-array", "UpdateTrail.json", "cloudtrail-array")));
        assertThat(reads).allSatisfy(r -> assertThat(r.report().error()).isNull());
        assertThat(sum(reads, FileReport::quarantined)).isZero();
        assertThat(events(reads)).extracting(CloudEvent::action).containsExactlyInAnyOrder(
                "appsync:CreateApiKey", "cloudtrail:DeleteTrail", "cloudtrail:LookupEvents",
                "cloudtrail:StopLogging", "cloudtrail:UpdateTrail");
    }

    @Test
    void elasticCloudTrailPipelineInputs() {
        List<Read> reads = readAll("elastic-pipeline-inputs/packages/aws/data_stream/cloudtrail/_dev/test/pipeline");

        assertThat(reads).hasSize(17);
        assertThat(reads).allSatisfy(r -> {
            assertThat(r.report().error()).isNull();
            assertThat(r.report().quarantined()).isZero();
        });
        assertThat(sum(reads, FileReport::events)).isEqualTo(19);
        assertThat(byName(reads, "test-cloudtrail-digest-json.log").report())
                .satisfies(r -> {
                    assertThat(r.format()).isEqualTo("cloudtrail-digest");
                    assertThat(r.records()).isEqualTo(1);
                    assertThat(r.skipped()).isEqualTo(1);
                });

        CloudEvent all = only(reads, "test-send-command-all-json.log");
        assertThat(all.kind()).isEqualTo(EventKind.COMMAND_EXECUTION);
        assertThat(all.targets()).containsExactly("*");
        assertThat(all.actor().invokedBy()).isEqualTo("ssm.amazonaws.com");
        assertThat(all.source().serviceHost()).isEqualTo("ssm.amazonaws.com");
        assertThat(all.command().document()).isEqualTo("AWS-RunPatchBaselineAssociation");
        assertThat(all.command().commandId()).isEqualTo("9f9aa7a3-b1a6-45ba-b83f-f5cc4b5f9961");
        assertThat(all.command().lines()).isEmpty();

        CloudEvent targeted = only(reads, "test-send-command-targets-json.log");
        assertThat(targeted.kind()).isEqualTo(EventKind.COMMAND_EXECUTION);
        assertThat(targeted.targets()).containsExactly("i-0ddf9acf8eeb33959");
        assertThat(targeted.command().document()).isEqualTo("EncryptFilesAndUploadRansomNote");

        CloudEvent session = only(reads, "test-start-session-json.log");
        assertThat(session.kind()).isEqualTo(EventKind.INTERACTIVE_SESSION);
        assertThat(session.targets()).containsExactly("i-1234567890abcdef0");

        CloudEvent sshKey = only(reads, "test-send-ssh-public-key-json.log");
        assertThat(sshKey.kind()).isEqualTo(EventKind.INTERACTIVE_SESSION);
        assertThat(sshKey.targets()).containsExactly("i-097069fd5068721f3");

        List<CloudEvent> logins = byName(reads, "test-console-login-json.log").events();
        assertThat(logins).extracting(CloudEvent::outcome)
                .containsExactly(Outcome.SUCCESS, Outcome.FAILURE, Outcome.FAILURE);
        CloudEvent failed = logins.get(1);
        assertThat(failed.kind()).isEqualTo(EventKind.AUTHENTICATION);
        assertThat(failed.principal()).isEqualTo("arn:aws:iam::111122223333:user/JaneDoe");
        assertThat(failed.errorMessage()).isEqualTo("Failed authentication");
        assertThat(failed.actor().mfa()).isEqualTo(Mfa.NOT_USED);
        assertThat(failed.origin().line()).isEqualTo(2);

        CloudEvent attach = only(reads, "test-attach-user-policy-json.log");
        assertThat(attach.kind()).isEqualTo(EventKind.PRIVILEGE_CHANGE);
        assertThat(attach.actor().type()).isEqualTo(PrincipalType.INSTANCE);
        assertThat(attach.actor().sessionIssuer()).isEqualTo("arn:aws:iam::000000000:role/ec2-instance-role");
        assertThat(attach.subject()).isEqualTo("arn:aws:iam::000000000:user/pwncloud-backdoor-user");
        assertThat(attach.targets()).containsExactly("arn:aws:iam::aws:policy/AdministratorAccess");

        CloudEvent gov = only(reads, "test-us-gov-arn.log");
        assertThat(gov.principal()).isEqualTo("arn:aws-us-gov:sts::111111111111:assumed-role/ExampleRole/i-example1234567890");
        assertThat(gov.actor().type()).isEqualTo(PrincipalType.INSTANCE);
        assertThat(gov.cloud().region()).isEqualTo("us-gov-east-1");

        CloudEvent document = only(reads, "test-create-document-json.log");
        assertThat(document.kind()).isEqualTo(EventKind.SCRIPT_DEFINITION);
        assertThat(document.command().document()).isEqualTo("EncryptFilesAndUploadRansomNote");

        CloudEvent identityCenter = only(reads, "test-user-authentication.log");
        assertThat(identityCenter.kind()).isEqualTo(EventKind.AUTHENTICATION);
        assertThat(identityCenter.actor().type()).isEqualTo(PrincipalType.FEDERATED);
        assertThat(identityCenter.principal())
                .isEqualTo("arn:aws:identitystore::redacted:identitystore/redacted/user/redacted");

        CloudEvent service = only(reads, "test-assume-role-aws-service-json.log");
        assertThat(service.actor().type()).isEqualTo(PrincipalType.SERVICE);
        assertThat(service.principal()).isEqualTo("ec2.amazonaws.com");
    }

    @Test
    void suzakuFilesCloudTrailAndBothAzureShapes() {
        List<Read> reads = readAll("suzaku-test-files");

        assertThat(formats(reads)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "DeleteTrail.json", "cloudtrail-array", "LookupEvents.json", "cloudtrail-array",
                "PutEventSelectors.json", "empty", "StopLogging.json", "cloudtrail-array",
                "UpdateTrail.json", "cloudtrail-array", "test.json", "cloudtrail-records",
                "azure_graph_api_format.json", "azure-array", "azure_value_format.json", "azure-value")));
        assertThat(sum(reads, FileReport::quarantined)).isZero();
        assertThat(reads).allSatisfy(r -> assertThat(r.report().error()).isNull());
        assertThat(byName(reads, "test.json").report().events()).isEqualTo(29);

        // az monitor activity-log list output: object operation names, a guest's non-ASCII name claims, IPv6.
        List<CloudEvent> deletes = byName(reads, "azure_graph_api_format.json").events();
        assertThat(deletes).hasSize(3).allSatisfy(e -> {
            assertThat(e.provider()).isEqualTo(Provider.AZURE);
            assertThat(e.principal()).isEqualTo("rob@contoso.com");
            assertThat(e.actor().displayName()).isEqualTo("\u5927\u548c\u6731\u96c0");
            assertThat(e.actor().mfa()).isEqualTo(Mfa.USED);
            assertThat(e.source().ip()).isEqualTo("240d:1a:7fe:a000:e4f5:37e6:6cfd:adbd");
            assertThat(e.correlationId()).isEqualTo("af67db90-ea0f-4ff5-8da7-6570de228eb2");
            assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS);
        });
        assertThat(deletes).extracting(CloudEvent::action).containsExactly("microsoft.network/publicipaddresses/delete",
                "microsoft.network/virtualnetworks/delete", "microsoft.network/networksecuritygroups/delete");

        // REST 'value' output: the caller's UPN from 'caller', the address from httpRequest, the resource from 'id'.
        CloudEvent ticket = only(reads, "azure_value_format.json");
        assertThat(ticket.principal()).isEqualTo("admin@contoso.com");
        assertThat(ticket.actor().mfa()).isEqualTo(Mfa.NOT_USED);
        assertThat(ticket.source().ip()).isEqualTo("192.168.35.115");
        assertThat(ticket.eventId()).isEqualTo("44ade6b4-3813-45e6-ae27-7420a95fa2f8");
        assertThat(ticket.targets()).containsExactly("/subscriptions/089bd33f-d4ec-47fe-8ba5-0753aa5c5b33/resourcegroups/"
                + "mssupportgroup/providers/microsoft.support/supporttickets/115012112305841");
    }

    @Test
    void otrfLogstashExportUsesTimestampForEventTime() {
        List<Read> reads = readAll("otrf-security-datasets/datasets/atomic/aws/collection").stream()
                .filter(r -> r.name().endsWith(".json")).toList();

        assertThat(reads).singleElement().satisfies(r -> {
            assertThat(r.report().format()).isEqualTo("cloudtrail-jsonl");
            assertThat(r.report().records()).isEqualTo(103);
            assertThat(r.report().events()).isEqualTo(103);
            assertThat(r.report().quarantined()).isZero();
            CloudEvent first = r.events().get(0);
            assertThat(first.action()).isEqualTo("ec2:DescribeInstanceTypes");
            assertThat(first.time()).isEqualTo(Instant.parse("2020-09-14T00:44:23Z").toEpochMilli());
            assertThat(first.actor().mfa()).isEqualTo(Mfa.USED);
        });
    }

    @Test
    void stratusSamplesFailOnlyWhereTheDocumentationCutThem() throws IOException {
        List<Read> reads = readAll("stratus-doc-samples/AWS");

        TreeSet<String> unparseable;
        try (Stream<String> index = Files.lines(data.resolve("stratus-doc-samples/INDEX.tsv"))) {
            unparseable = index.map(l -> l.split("\t")).filter(c -> c.length > 2 && c[0].startsWith("AWS/")
                            && c[2].startsWith("unparseable"))
                    .map(c -> c[0].substring("AWS/".length())).collect(Collectors.toCollection(TreeSet::new));
        }
        Map<String, String> errors = reads.stream().filter(r -> r.report().error() != null)
                .collect(Collectors.toMap(Read::name, r -> r.report().error(), (a, b) -> a, TreeMap::new));
        Map<String, List<String>> quarantined = reads.stream().filter(r -> r.report().quarantined() > 0)
                .collect(Collectors.toMap(Read::name, r -> r.result().rejects().stream().map(Reject::reason).toList(),
                        (a, b) -> a, TreeMap::new));

        // The block INDEX.tsv marks unparseable is the only malformed file.
        assertThat(unparseable).containsExactly("aws.impact.s3-ransomware-batch-deletion.0.json");
        assertThat(errors).containsOnlyKeys(unparseable.first(), "aws.persistence.iam-create-backdoor-role.0.json");
        assertThat(errors.get(unparseable.first())).startsWith("malformed JSON after 0 records at line 5, column 3: ");
        // That block is a trust policy shown beside the events, not an event.
        assertThat(errors.get("aws.persistence.iam-create-backdoor-role.0.json"))
                .startsWith("unknown format: found a JSON object with fields Version, Statement;");
        // Documentation excerpts that leave out eventTime are quarantined, with the reason.
        assertThat(quarantined).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "aws.credential-access.secretsmanager-batch-retrieve-secrets.0.json", List.of("missing required field 'eventTime'"),
                "aws.credential-access.secretsmanager-batch-retrieve-secrets.1.json", List.of("missing required field 'eventTime'"),
                "aws.execution.ssm-send-command.0.json", List.of("missing required field 'eventTime'"),
                "aws.impact.s3-ransomware-client-side-encryption.0.json", List.of("missing required field 'eventTime'"),
                "aws.impact.s3-ransomware-individual-deletion.0.json", List.of("missing required field 'eventTime'"))));
        assertThat(reads).hasSize(43);
        assertThat(sum(reads, FileReport::events)).isEqualTo(311);

        CloudEvent userData = events(List.of(byName(reads, "aws.execution.ec2-user-data.0.json"))).stream()
                .filter(e -> e.action().equals("ec2:ModifyInstanceAttribute")).findFirst().orElseThrow();
        assertThat(userData.kind()).isEqualTo(EventKind.COMMAND_EXECUTION);
        assertThat(userData.command().document()).isEqualTo("userData");
        assertThat(byName(reads, "aws.credential-access.ec2-steal-instance-credentials.0.json").events())
                .filteredOn(e -> e.action().equals("ssm:SendCommand"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.kind()).isEqualTo(EventKind.COMMAND_EXECUTION));
    }

    @Test
    void elasticAzureActivityEdgeCases() {
        List<Read> reads = readAll("elastic-pipeline-inputs/packages/azure/data_stream/activitylogs");

        // A non-interactive sign-in arrives in the Activity Log stream: it is an Entra event, IPv6 or not.
        List<CloudEvent> edge = byName(reads, "test-activitylogs-edgecases.log").events();
        assertThat(edge).extracting(CloudEvent::provider).containsExactly(Provider.AZURE, Provider.ENTRA, Provider.ENTRA);
        CloudEvent signIn = edge.get(1);
        assertThat(signIn.kind()).isEqualTo(EventKind.AUTHENTICATION);
        assertThat(signIn.action()).isEqualTo("NonInteractiveUserSignInLogs");
        assertThat(signIn.principal()).isEqualTo("michell lan@zzzz.com");
        assertThat(signIn.actor().mfa()).isEqualTo(Mfa.USED);
        assertThat(signIn.source().ip()).isEqualTo("2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6");
        assertThat(signIn.source().country()).isEqualTo("GB");
        assertThat(signIn.source().city()).isEqualTo("Dagenham");
        // An anonymised caller "127.0.0.0/8" is not an address: shown, never compared as one.
        assertThat(edge.get(2).source().ip()).isNull();
        assertThat(edge.get(2).source().serviceHost()).isEqualTo("127.0.0.0/8");

        // The same record with properties as a JSON string and as an object is the same event.
        List<CloudEvent> raw = byName(reads, "test-activitylogs-raw.log").events();
        assertThat(raw.get(1).eventId()).isEqualTo(raw.get(2).eventId());
        assertThat(raw.get(0).action()).isEqualTo("microsoft.eventhub/namespaces/authorizationrules/listkeys/action");
        assertThat(raw.get(0).actor().type()).isEqualTo(PrincipalType.SERVICE);
        assertThat(raw.get(0).outcome()).isEqualTo(Outcome.UNKNOWN);

        // Mixed-case resource ids compare as one resource.
        assertThat(byName(reads, "test-activitylogs-mixedcase-resourceid.log").events().get(1).targets())
                .containsExactly("/tenants/ffffffff-aaaa-bbbb-cccc-dddddddddddd/providers/microsoft.aadiam");
    }

    /**
     * Elastic's test-time-formats-corner-cases.log: eleven records, each only a time in one of the styles Azure
     * writes and a category. Every time is the same instant (fractions aside); the records have no operation, so
     * they are quarantined for that, which also shows their times were read.
     */
    @Test
    void azureTimestampCornerCasesAllParseToTheRightInstant() throws IOException {
        Path file = data.resolve("elastic-pipeline-inputs/packages/azure/data_stream/activitylogs/_dev/test/pipeline/"
                + "test-time-formats-corner-cases.log");
        assumeTrue(Files.isRegularFile(file), "sample missing: " + file);
        List<String> times = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                times.add(line.substring(line.indexOf(":") + 1).split("\"")[1]);
            }
        }
        Instant base = Instant.parse("2007-01-09T09:41:00Z");
        assertThat(times).hasSize(11);
        assertThat(times).extracting(t -> Instant.ofEpochMilli(EventTimes.parseLoose(t, EventTimes.SlashDates.MONTH_FIRST)))
                .containsExactly(base, base, base, base, base, base, base.plusMillis(220), base.plusMillis(681),
                        base.plusMillis(535), base.plusMillis(992), base);

        Read read = read(file);
        assertThat(read.report().quarantined()).isEqualTo(11);
        assertThat(read.result().rejects()).extracting(Reject::reason)
                .containsOnly("missing required field 'operationName'");
    }

    @Test
    void entraGcpCsvAndDocumentationSamples() {
        List<CloudEvent> signIns = one("elastic-pipeline-inputs/packages/azure/data_stream/signinlogs/_dev/test/pipeline/"
                + "test-signinlogs.log").events();
        assertThat(signIns).hasSize(2).allSatisfy(e -> {
            assertThat(e.provider()).isEqualTo(Provider.ENTRA);
            assertThat(e.kind()).isEqualTo(EventKind.AUTHENTICATION);
            assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(e.errorCode()).isEqualTo("50140");
            assertThat(e.source().country()).isEqualTo("FR");
            assertThat(e.source().city()).isEqualTo("Champs-Sur-Marne");
        });
        // A UPN that is not an address falls back to the user's object id.
        assertThat(signIns).extracting(CloudEvent::principal)
                .containsExactly("test@elastic.co", "8a4de8b5-095c-47d0-a96f-a75130c61d53");

        List<CloudEvent> audits = one("otrf-security-datasets/datasets/compound/GoldenSAMLADFSMailAccess/AADAuditEvents.json")
                .events();
        assertThat(audits).extracting(CloudEvent::kind).containsExactly(EventKind.CREDENTIAL_CHANGE,
                EventKind.CREDENTIAL_CHANGE, EventKind.OTHER, EventKind.PRIVILEGE_CHANGE);
        assertThat(audits).allSatisfy(e -> assertThat(e.principal()).isEqualTo("pgustavo@simulandlabs.com"));
        assertThat(audits.get(0).subject()).isEqualTo("11b49e19-2326-4be6-93cb-7f37439bbd81");

        List<CloudEvent> gcp = one("elastic-pipeline-inputs/packages/gcp/data_stream/audit/_dev/test/pipeline/"
                + "test-audit.log.EXCERPT-lines-1-13.ndjson").events();
        assertThat(gcp).hasSize(13).allSatisfy(e -> assertThat(e.provider()).isEqualTo(Provider.GCP));
        assertThat(gcp.get(3).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(gcp.get(3).errorCode()).isEqualTo("PERMISSION_DENIED");
        // The first record of a long-running compute operation does not know how it ends.
        assertThat(gcp.get(5).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(gcp.get(5).correlationId()).isEqualTo("operation-1596664766354-5ac287c395484-fa3923bd-543e018e");
        assertThat(gcp.get(6).targets()).containsExactly("projects/foo/zones/us-central1-a/instances/win10-test");
        CloudEvent impersonation = one("elastic-pipeline-inputs/packages/gcp/data_stream/audit/_dev/test/pipeline/"
                + "test-iamcredentials-googleapis-com.log").events().get(0);
        assertThat(impersonation.kind()).isEqualTo(EventKind.AUTHENTICATION);
        assertThat(impersonation.actor().type()).isEqualTo(PrincipalType.FEDERATED);

        Read sentinel = one("sentinel-csv/Sample Data/ASIM/AWS_CloudTrail_Authentication_IngestedLogs.csv."
                + "EXCERPT-first-17-rows.csv");
        assertThat(sentinel.report().format()).isEqualTo("cloudtrail-csv");
        assertThat(sentinel.events()).hasSize(17).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo("signin:ConsoleLogin");
            assertThat(e.kind()).isEqualTo(EventKind.AUTHENTICATION);
        });
        assertThat(sentinel.events().get(0).time()).isEqualTo(Instant.parse("2025-04-21T09:45:54Z").toEpochMilli());
        assertThat(sentinel.events()).filteredOn(e -> e.outcome() == Outcome.FAILURE).hasSize(4);
        assertThat(sentinel.events()).filteredOn(e -> e.actor().mfa() == Mfa.USED).hasSize(3);

        Read honeyBucket = one("otrf-security-datasets/datasets/atomic/aws/discovery/AWS_S3_HoneyBucketLogs.csv");
        assertThat(honeyBucket.report().format()).isEqualTo("unknown");
        assertThat(honeyBucket.report().error()).startsWith("unknown format: found a CSV file with 12 columns: "
                + "Event Type, Event Name, Request ID, User ID, Request Parameters, Alert, Event ID, Event DateTime, "
                + "Alarm DateTime, Source IP, Request User Agent, Repeated Attempts; expected ")
                .contains("a CloudTrail table export (Log Analytics AWSCloudTrail, Athena, CloudTrail Lake) "
                        + "(columns TimeGenerated or eventTime, EventSource, EventName)");

        CloudEvent runCommand = one("stratus-doc-samples/azure/azure.execution.vm-run-command.0.json").events().get(0);
        assertThat(runCommand.kind()).isEqualTo(EventKind.COMMAND_EXECUTION);
        assertThat(runCommand.principal()).isEqualTo("you@domain.tld");
        assertThat(runCommand.targets()).containsExactly("/subscriptions/<your-subscription-id>/resourcegroups/"
                + "rg-4x3tj2hb/providers/microsoft.compute/virtualmachines/vm-4x3tj2hb");
        // Datadog's reshaped record: the operation and outcome come from its "evt" copy.
        CloudEvent extension = one("stratus-doc-samples/azure/azure.execution.vm-custom-script-extension.0.json").events()
                .get(0);
        assertThat(extension.kind()).isEqualTo(EventKind.COMMAND_EXECUTION);
        assertThat(extension.action()).isEqualTo("Microsoft.Compute/virtualMachines/extensions/write");
        assertThat(extension.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(extension.command().document()).isEqualTo("CUSTOMSCRIPTEXTENSION-STRATUS-EXAMPLE");
        assertThat(extension.targets()).containsExactly("/subscriptions/<your-subscription-id>/resourcegroups/"
                + "rg-hat6h48q/providers/microsoft.compute/virtualmachines/vm-hat6h48q");
    }

    /**
     * Every file under the public samples, against {@code real-samples/expected.tsv}: format, records, events,
     * skipped, quarantined, and why (the reject reasons with their counts, or the file error). The SANS lab's
     * 3,872 delivery files are one line (their own test checks them one by one). Regenerate with
     * {@code -Dcadet.golden.update=true} and review the diff.
     */
    @Test
    void everyPublicFileIsAccountedFor() throws IOException {
        String sans = "aws-cloudtrail/sans-504-s3-ransomware-lab";
        List<String> actual = new ArrayList<>();
        actual.add("path\tformat\trecords\tevents\tskipped\tquarantined\twhy");
        long[] sansTotals = new long[5];
        for (Path file : READER.expand(List.of(data))) {
            String path = data.relativize(file).toString().replace('\\', '/');
            Read r = read(file);
            FileReport rep = r.report();
            if (path.startsWith(sans + "/")) {
                assertThat(rep.format()).as(path).isEqualTo("cloudtrail-records");
                assertThat(rep.error()).as(path).isNull();
                sansTotals[0]++;
                sansTotals[1] += rep.records();
                sansTotals[2] += rep.events();
                sansTotals[3] += rep.skipped();
                sansTotals[4] += rep.quarantined();
                continue;
            }
            actual.add(String.join("\t", path, rep.format(), Long.toString(rep.records()), Long.toString(rep.events()),
                    Long.toString(rep.skipped()), Long.toString(rep.quarantined()), why(r)));
        }
        actual.add(String.join("\t", sans + "/** (" + sansTotals[0] + " files)", "cloudtrail-records",
                Long.toString(sansTotals[1]), Long.toString(sansTotals[2]), Long.toString(sansTotals[3]),
                Long.toString(sansTotals[4]), "-"));

        Path expected = Path.of("src/test/resources/real-samples/expected.tsv");
        if (Boolean.getBoolean("cadet.golden.update")) {
            Files.createDirectories(expected.getParent());
            Files.write(expected, actual);
        }
        assertThat(actual).containsExactlyElementsOf(Files.readAllLines(expected));
    }

    /** The reject reasons with their counts, or the file error up to what was expected, or "-". */
    private static String why(Read r) {
        String error = r.report().error();
        if (error != null) {
            int expected = error.indexOf("; expected ");
            return "error: " + (error.startsWith("unknown format") && expected > 0 ? error.substring(0, expected) : error);
        }
        if (r.result().rejects().isEmpty()) {
            return "-";
        }
        Map<String, Long> reasons = r.result().rejects().stream()
                .collect(Collectors.groupingBy(Reject::reason, TreeMap::new, Collectors.counting()));
        return "quarantined: " + reasons.entrySet().stream().map(e -> e.getKey() + " (x" + e.getValue() + ")")
                .collect(Collectors.joining("; "));
    }

    private static Map<String, String> formats(List<Read> reads) {
        return reads.stream().collect(Collectors.toMap(Read::name, r -> r.report().format(), (a, b) -> a, TreeMap::new));
    }

    private static Read byName(List<Read> reads, String name) {
        return reads.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no file " + name));
    }

    private static CloudEvent only(List<Read> reads, String name) {
        Read r = byName(reads, name);
        assertThat(r.events()).as(name).hasSize(1);
        return r.events().get(0);
    }

    private static <K> Map<K, Long> countBy(List<CloudEvent> events, Function<CloudEvent, K> key) {
        return events.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
