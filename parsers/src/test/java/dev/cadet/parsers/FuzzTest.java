package dev.cadet.parsers;

import dev.cadet.model.FileReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the bytes, a quarantining reader returns a report that adds up and never throws. Inputs are
 * the golden files cut, flipped, spliced and gzip-wrapped from a fixed seed, plus random bytes.
 */
class FuzzTest {

    private static final List<String> CASES = List.of("aws/records.json", "aws/jsonl.json", "aws/single-record.json",
            "aws/array.json", "aws/lookup-events.json", "aws/eventbridge.json", "aws/digest.json", "azure/records.json",
            "azure/value.json", "azure/jsonl.json", "entra/signins-value.json", "entra/audits-loganalytics.json",
            "gcp/gcloud-array.json", "gcp/sink.json", "ssm/list-commands.json", "csv/sentinel-awscloudtrail.csv",
            "csv/athena-cloudtrail.csv", "csv/sentinel-azureactivity.csv");

    @Test
    void damagedInputsNeverThrowAndAlwaysAddUp() throws IOException {
        LogReader reader = LogReader.builder().maxExcerptChars(64).build();
        Random random = new Random(1651);
        for (int i = 0; i < 3_000; i++) {
            byte[] base = GoldenTest.resource(CASES.get(random.nextInt(CASES.size())));
            byte[] input = damage(base, random);
            if (random.nextInt(4) == 0) {
                input = Reads.gzip(input);
                if (random.nextBoolean()) {
                    input = Arrays.copyOf(input, random.nextInt(input.length + 1));
                }
            }
            String name = "fuzz-" + i;
            Reads.Outcome out = Reads.read(reader, name, input);
            FileReport r = out.report();
            assertThat(r.records()).isEqualTo(r.events() + r.skipped() + r.quarantined());
            assertThat(out.events()).hasSize((int) r.events());
            assertThat(out.result().rejects()).hasSize((int) r.quarantined())
                    .allSatisfy(reject -> {
                        assertThat(reject.origin().file()).isEqualTo(name);
                        assertThat(reject.origin().record()).isBetween(1L, r.records());
                        if (reject.excerpt() != null) {
                            assertThat(reject.excerpt().length()).isLessThanOrEqualTo(64);
                        }
                    });
        }
    }

    @Test
    void randomBytesAreUnknownOrEmpty() {
        LogReader reader = LogReader.create();
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[random.nextInt(2_000)];
            random.nextBytes(junk);
            FileReport r = Reads.read(reader, "junk", junk).report();
            assertThat(r.records()).isEqualTo(r.events() + r.skipped() + r.quarantined());
        }
    }

    private static byte[] damage(byte[] base, Random random) {
        byte[] b = base.clone();
        switch (random.nextInt(5)) {
            case 0 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
            case 1 -> {
                for (int k = random.nextInt(1, 8); k > 0; k--) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case 2 -> {
                int from = random.nextInt(b.length);
                int to = Math.min(b.length, from + random.nextInt(200));
                byte[] cut = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, cut, 0, from);
                System.arraycopy(b, to, cut, from, b.length - to);
                b = cut;
            }
            case 3 -> {
                int at = random.nextInt(b.length);
                byte[] insert = "{\"eventTime\":[1,{\"x\":\"".getBytes();
                byte[] grown = new byte[b.length + insert.length];
                System.arraycopy(b, 0, grown, 0, at);
                System.arraycopy(insert, 0, grown, at, insert.length);
                System.arraycopy(b, at, grown, at + insert.length, b.length - at);
                b = grown;
            }
            default -> {
                // unchanged: the golden input itself
            }
        }
        return b;
    }
}
