package dev.cadet.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Azure Activity Log diagnostic export ({@code PT1H.json}: {@code {"records":[...]}}, plain JSON or gzip) to
 * normalized events, against its own floor: a Jackson token-only pass over the same bytes; see
 * {@link ParseBenchmark}.
 */
public class AzureParseBenchmark extends ParseBenchmark {

    @Override
    byte[] file() {
        return records(RECORDS, new SplittableRandom(1651)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Realistic 2-3 KB records as diagnostic settings write them: about 2,000 callers (users and service
     * principals) over 50 subscriptions, writes and deletes of VMs, storage, network and role assignments, 1% VM
     * run commands with their request body, 3% failures; identity claims, authorization evidence and properties
     * as Azure writes them.
     */
    static String records(int n, SplittableRandom rng) {
        String[] operations = {"MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE", "MICROSOFT.STORAGE/STORAGEACCOUNTS/WRITE",
            "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WRITE", "MICROSOFT.COMPUTE/VIRTUALMACHINES/DEALLOCATE/ACTION",
            "MICROSOFT.RESOURCES/DEPLOYMENTS/WRITE", "MICROSOFT.COMPUTE/DISKS/DELETE",
            "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE"};
        StringBuilder b = new StringBuilder(n * 2400).append("{\"records\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            int who = rng.nextInt(2000);
            boolean person = who % 4 != 0;
            boolean command = rng.nextInt(100) == 0;
            boolean failed = rng.nextInt(100) < 3;
            String operation = command ? "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION"
                    : operations[rng.nextInt(operations.length)];
            String subscription = "11111111-2222-3333-4444-" + String.format("%012d", who % 50);
            String resourceGroup = "RG-" + (who % 40);
            String vm = "VM-" + rng.nextInt(400);
            String resource = "/SUBSCRIPTIONS/" + subscription + "/RESOURCEGROUPS/" + resourceGroup
                    + "/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/" + vm;
            String objectId = new UUID(0x0a1b2c3d11114222L, 0x8333000000000000L + who).toString();
            String caller = person ? "user" + who + "@contoso.com" : objectId;
            String ip = "203.0." + (who % 256) + "." + (who * 7 % 256);
            String[] results = failed ? new String[] {"Failure", "Failed.Forbidden", "403"}
                    : new String[] {"Success", "Succeeded.", "200"};
            b.append("{\"time\":\"2026-03-02T").append(String.format("%02d:%02d:%02d.%07d", rng.nextInt(24),
                            rng.nextInt(60), rng.nextInt(60), rng.nextInt(10_000_000)))
                    .append("Z\",\"resourceId\":\"").append(resource)
                    .append("\",\"operationName\":\"").append(operation)
                    .append("\",\"category\":\"Administrative\",\"resultType\":\"").append(results[0])
                    .append("\",\"resultSignature\":\"").append(results[1])
                    .append("\",\"durationMs\":\"").append(rng.nextInt(5000))
                    .append("\",\"callerIpAddress\":\"").append(ip)
                    .append("\",\"correlationId\":\"").append(new UUID(rng.nextLong(), rng.nextLong()))
                    .append("\",\"identity\":{\"authorization\":{\"scope\":\"").append(resource.toLowerCase())
                    .append("\",\"action\":\"").append(operation.toLowerCase())
                    .append("\",\"evidence\":{\"role\":\"Contributor\",\"roleAssignmentScope\":\"/subscriptions/")
                    .append(subscription).append("\",\"roleAssignmentId\":\"").append(Integer.toHexString(who))
                    .append("a0b1c2d3e4f5\",\"roleDefinitionId\":\"b24988ac618042a0ab8820f7382dd24c\",\"principalId\":\"")
                    .append(objectId.replace("-", "")).append("\",\"principalType\":\"")
                    .append(person ? "User" : "ServicePrincipal").append("\"}},\"claims\":{")
                    .append("\"aud\":\"https://management.core.windows.net/\",")
                    .append("\"iss\":\"https://sts.windows.net/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee/\",")
                    .append("\"iat\":\"1772438400\",\"nbf\":\"1772438400\",\"exp\":\"1772442300\",");
            if (person) {
                b.append("\"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn\":\"").append(caller)
                        .append("\",\"name\":\"User ").append(who)
                        .append("\",\"http://schemas.microsoft.com/claims/authnmethodsreferences\":\"pwd,mfa\",");
            }
            b.append("\"http://schemas.microsoft.com/identity/claims/objectidentifier\":\"").append(objectId)
                    .append("\",\"http://schemas.microsoft.com/identity/claims/tenantid\":\"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee\",")
                    .append("\"appid\":\"").append(person ? "04b07795-8ddb-461a-bbee-02f9e1bf7b46" : objectId)
                    .append("\",\"ipaddr\":\"").append(ip).append("\",\"ver\":\"1.0\"}},")
                    .append("\"level\":\"").append(failed ? "Error" : "Information")
                    .append("\",\"location\":\"").append(who % 3 == 0 ? "westeurope" : "eastus")
                    .append("\",\"properties\":{");
            if (command) {
                b.append("\"requestbody\":\"{\\\"commandId\\\":\\\"RunShellScript\\\",\\\"script\\\":[\\\"id\\\",")
                        .append("\\\"systemctl status nginx\\\"],\\\"parameters\\\":[]}\",");
            }
            b.append("\"statusCode\":\"").append(failed ? "Forbidden" : "OK")
                    .append("\",\"serviceRequestId\":\"").append(new UUID(rng.nextLong(), rng.nextLong()))
                    .append("\",\"eventCategory\":\"Administrative\",\"entity\":\"").append(resource.toLowerCase())
                    .append("\",\"message\":\"").append(operation.toLowerCase())
                    .append("\",\"hierarchy\":\"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee/").append(subscription)
                    .append("\"}}");
        }
        return b.append("]}").toString();
    }
}
// How to run:
//   mvn -B -q -DskipTests -pl benchmarks -am package
//   java -jar benchmarks/target/benchmarks.jar AzureParseBenchmark -prof gc
// Scores are records/s; jsonBytes is bytes of JSON per second. Compare parse with baseline of the same
// encoding, from the same run, as a ratio; gc.alloc.rate.norm is bytes allocated per record.
