package dev.cadet.parsers;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.EventKind;
import dev.cadet.model.FileReport;
import dev.cadet.model.Mfa;
import dev.cadet.model.Outcome;
import dev.cadet.model.PrincipalType;
import dev.cadet.model.Reject;
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
 * Real CloudTrail written by others ({@code <cadet.shared.dir>/data/public}, see its PROVENANCE.md).
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
    void suzakuFilesCloudTrailReadAzureUnknown() {
        List<Read> reads = readAll("suzaku-test-files");

        assertThat(formats(reads)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "DeleteTrail.json", "cloudtrail-array", "LookupEvents.json", "cloudtrail-array",
                "PutEventSelectors.json", "empty", "StopLogging.json", "cloudtrail-array",
                "UpdateTrail.json", "cloudtrail-array", "test.json", "cloudtrail-records",
                "azure_graph_api_format.json", "unknown", "azure_value_format.json", "unknown")));
        assertThat(sum(reads, FileReport::quarantined)).isZero();
        assertThat(byName(reads, "test.json").report().events()).isEqualTo(29);
        assertThat(reads).filteredOn(r -> r.report().format().equals("unknown"))
                .allSatisfy(r -> assertThat(r.report().error()).startsWith("unknown format: found a JSON "));
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
    void providersNotYetSupportedAreUnknownFilesNotQuarantinedRecords() {
        List<Read> reads = new ArrayList<>();
        reads.addAll(readAll("elastic-pipeline-inputs/packages/azure"));
        reads.addAll(readAll("elastic-pipeline-inputs/packages/gcp"));
        reads.addAll(readAll("sentinel-csv/Sample Data"));
        reads.addAll(readAll("stratus-doc-samples/azure"));
        reads.addAll(readAll("stratus-doc-samples/GCP"));
        reads.addAll(readAll("stratus-doc-samples/entra-id"));
        reads.add(one("otrf-security-datasets/datasets/compound/GoldenSAMLADFSMailAccess/AADAuditEvents.json"));
        reads.add(one("otrf-security-datasets/datasets/atomic/aws/discovery/AWS_S3_HoneyBucketLogs.csv"));

        assertThat(reads).hasSize(46);
        assertThat(reads).allSatisfy(r -> {
            assertThat(r.report().format()).as(r.file().toString()).isEqualTo("unknown");
            assertThat(r.report().error()).startsWith("unknown format: found ");
            assertThat(r.report().records()).isZero();
            assertThat(r.events()).isEmpty();
        });
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
