package dev.cadet.detectors;

import dev.cadet.detectors.testkit.E;
import dev.cadet.model.PipelineCounters;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detector state is evicted by the watermark, so memory does not grow with the number of principals: a
 * child JVM with a 256 MB heap pushes a million distinct principals (three events each, over eleven
 * days) through the pipeline with every built-in detector. Without eviction the failed logins, denied
 * commands and new access keys of a million principals would not fit in that heap.
 */
class BoundedHeapTest {

    private static final int PRINCIPALS = 1_000_000;

    @Test
    void aMillionDistinctPrincipalsFitInA256MegabyteHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), Integer.toString(PRINCIPALS)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = child.getInputStream().readAllBytes();
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("child finished").isTrue();
        String out = new String(output, StandardCharsets.UTF_8);
        System.out.println("bounded heap probe: " + out.strip());

        assertThat(child.exitValue()).as(out).isZero();
        Matcher m = Pattern.compile("analysed=(\\d+) findings=(\\d+) keysLive=(\\d+) peakHeapMb=(\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(3L * PRINCIPALS);
        assertThat(Long.parseLong(m.group(2))).as("one iam-then-command finding per thousandth principal")
                .isEqualTo(PRINCIPALS / 1_000);
        assertThat(Long.parseLong(m.group(3))).isZero();
        assertThat(Long.parseLong(m.group(4))).isLessThan(256);
    }

    /** Runs in the child JVM: generates events on the fly, so that only the pipeline holds anything. */
    public static final class Probe {

        public static void main(String[] args) {
            int principals = Integer.parseInt(args[0]);
            // Windowed state only: a learned baseline is the memory of what every principal did, so it grows
            // with principals by design (docs/detectors.md gives its cost) and is switched off here.
            Pipeline pipeline = Pipeline.create(DetectionConfig.builder().learningPeriod(java.time.Duration.ZERO).build());
            long peak = 0;
            for (int i = 0; i < principals; i++) {
                String p = "arn:aws:iam::111122223333:user/u" + i;
                long t = E.DAY + i * 1_000L;
                String ip = "198.51." + (i >>> 8 & 0xff) + "." + (i & 0xff);
                pipeline.push(E.loginFailed(p).id("l" + i).at(t).ip(ip).build());
                pipeline.push(E.createKey(p, p, "AKIA" + i).id("k" + i).at(t + 1).ip(ip).build());
                if (i % 1_000 == 0) {
                    // A command after the new key: a finding, so the run also proves findings still come out.
                    pipeline.push(E.command(p).id("c" + i).at(t + 2).ip(ip).targets("i-1").build());
                } else {
                    pipeline.push(E.denied(p).id("c" + i).at(t + 2).ip(ip).targets("i-1").build());
                }
                if (i % 100_000 == 0) {
                    peak = Math.max(peak, heapUsedAfterGc());
                }
            }
            DetectionResult result = pipeline.finish();
            peak = Math.max(peak, heapUsedAfterGc());
            PipelineCounters c = result.counters();
            long keysLive = 0;
            for (Map<String, Long> counters : c.detectorCounts().values()) {
                keysLive += counters.getOrDefault("keysLive", 0L);
            }
            long findings = result.findings().stream().filter(f -> f.detector().equals("iam-then-command")).count();
            System.out.println("analysed=" + c.analysed() + " findings=" + findings + " keysLive=" + keysLive
                    + " peakHeapMb=" + (peak >> 20) + " counters=" + c.detectorCounts());
        }

        private static long heapUsedAfterGc() {
            System.gc();
            Runtime r = Runtime.getRuntime();
            return r.totalMemory() - r.freeMemory();
        }
    }
}
