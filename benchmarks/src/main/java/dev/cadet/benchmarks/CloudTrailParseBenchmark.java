package dev.cadet.benchmarks;

import org.openjdk.jmh.annotations.Param;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * CloudTrail S3 delivery file ({@code {"Records":[...]}}, plain JSON or gzip) to normalized events, against
 * the floor of a Jackson token-only pass over the same bytes; see {@link ParseBenchmark}.
 */
public class CloudTrailParseBenchmark extends ParseBenchmark {

    /**
     * Empty: the records below, where every record comes from a new address, the worst case for the parser's
     * tables of repeating values. Else a folder written by {@code cadet generate}: its first {@link #RECORDS}
     * records, in path order, as one delivery file.
     */
    @Param({""})
    String corpus;

    @Override
    byte[] file() {
        if (!corpus.isEmpty()) {
            return firstRecords(Path.of(corpus), RECORDS);
        }
        return records(RECORDS, new SplittableRandom(1651)).getBytes(StandardCharsets.UTF_8);
    }

    /** The first {@code n} records of the delivery files under {@code dir}, in path order, as one file. */
    static byte[] firstRecords(Path dir, int n) {
        JsonFactory json = JsonFactory.builder().build();
        ByteArrayOutputStream out = new ByteArrayOutputStream(n * 1500);
        try (Stream<Path> walk = Files.walk(dir);
             JsonGenerator g = json.createGenerator(ObjectWriteContext.empty(), out)) {
            List<Path> files = walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".json.gz"))
                    .sorted().toList();
            g.writeStartObject();
            g.writeName("Records");
            g.writeStartArray();
            int written = 0;
            for (int i = 0; i < files.size() && written < n; i++) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(files.get(i)), 1 << 16);
                     JsonParser p = json.createParser(ObjectReadContext.empty(), in)) {
                    JsonToken t;
                    while ((t = p.nextToken()) != null && written < n) {
                        if (t == JsonToken.START_OBJECT && p.streamReadContext().getParent().inArray()) {
                            g.copyCurrentStructure(p);
                            written++;
                        }
                    }
                }
            }
            if (written < n) {
                throw new IllegalArgumentException(dir + " holds only " + written + " records; " + n + " needed");
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Realistic 1-2 KB records: assumed roles and users, reads and a few commands and logins. */
    static String records(int n, SplittableRandom rng) {
        StringBuilder b = new StringBuilder(n * 1400).append("{\"Records\":[");
        String[] names = {"DescribeInstances", "GetObject", "ListBuckets", "DescribeVolumes", "AssumeRole"};
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            int who = rng.nextInt(5000);
            boolean command = rng.nextInt(100) == 0;
            String name = command ? "SendCommand" : names[rng.nextInt(names.length)];
            String source = command ? "ssm" : name.startsWith("Describe") ? "ec2" : name.equals("AssumeRole") ? "sts" : "s3";
            b.append("{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROA")
                    .append(who).append(":session-").append(who)
                    .append("\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/role-").append(who % 300)
                    .append("/session-").append(who).append("\",\"accountId\":\"111122223333\",\"accessKeyId\":\"ASIA")
                    .append(1000000 + who).append("\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",")
                    .append("\"principalId\":\"AROA").append(who % 300).append("\",\"arn\":\"arn:aws:iam::111122223333:role/role-")
                    .append(who % 300).append("\",\"accountId\":\"111122223333\",\"userName\":\"role-").append(who % 300)
                    .append("\"},\"attributes\":{\"creationDate\":\"2026-03-02T08:00:00Z\",\"mfaAuthenticated\":\"false\"}}},")
                    .append("\"eventTime\":\"2026-03-02T").append(String.format("%02d:%02d:%02d", rng.nextInt(24),
                            rng.nextInt(60), rng.nextInt(60)))
                    .append("Z\",\"eventSource\":\"").append(source).append(".amazonaws.com\",\"eventName\":\"")
                    .append(name).append("\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"")
                    .append(10 + rng.nextInt(200)).append('.').append(rng.nextInt(256)).append('.')
                    .append(rng.nextInt(256)).append('.').append(rng.nextInt(256))
                    .append("\",\"userAgent\":\"aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#5.15.0 md/arch#x86_64 lang/python#3.11.8\",")
                    .append("\"requestParameters\":{");
            if (command) {
                b.append("\"instanceIds\":[\"i-0a1b2c3d4e5f6000").append(rng.nextInt(10))
                        .append("\"],\"documentName\":\"AWS-RunShellScript\",\"parameters\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"},")
                        .append("\"responseElements\":{\"command\":{\"commandId\":\"").append(new java.util.UUID(rng.nextLong(), rng.nextLong()))
                        .append("\",\"documentName\":\"AWS-RunShellScript\",\"status\":\"Pending\"}},");
            } else {
                b.append("\"maxResults\":1000,\"filterSet\":{\"items\":[{\"name\":\"instance-state-name\",\"valueSet\":{\"items\":[{\"value\":\"running\"}]}}]}},")
                        .append("\"responseElements\":null,");
            }
            b.append("\"requestID\":\"").append(new java.util.UUID(rng.nextLong(), rng.nextLong()))
                    .append("\",\"eventID\":\"").append(new java.util.UUID(rng.nextLong(), rng.nextLong()))
                    .append("\",\"readOnly\":").append(!command)
                    .append(",\"eventType\":\"AwsApiCall\",\"managementEvent\":true,\"recipientAccountId\":\"111122223333\",")
                    .append("\"eventCategory\":\"Management\",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\",")
                    .append("\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\"")
                    .append(source).append(".us-east-1.amazonaws.com\"}}");
        }
        return b.append("]}").toString();
    }
}
// How to run:
//   mvn -B -q -DskipTests -pl benchmarks -am package
//   java -jar benchmarks/target/benchmarks.jar CloudTrailParseBenchmark -prof gc
//   java -jar benchmarks/target/benchmarks.jar CloudTrailParseBenchmark -p corpus=/tmp/cadet-bench/corpus-1GB
// Scores are records/s; jsonBytes is bytes of JSON per second. Compare parse with baseline of the same
// encoding, from the same run, as a ratio; gc.alloc.rate.norm is bytes allocated per record.
