package dev.cadet.cli.internal.generate;

import dev.cadet.cli.internal.demo.CloudTrailRecord;
import dev.cadet.model.CadetException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

/**
 * A CloudTrail corpus of any size, written as S3 delivery files ({@code AWSLogs/<account>/CloudTrail/
 * <region>/yyyy/MM/dd/<account>_CloudTrail_<region>_<yyyyMMdd'T'HHmm'Z'>_<unique>.json[.gz]}): three
 * accounts, three regions each, one file per account, region and 5-minute delivery window, about 0.5 to
 * 5 MB of JSON per file, records shuffled inside a file and a few delivered up to 20 minutes late. The
 * event rate is fixed, so a larger corpus covers more time rather than more events per hour: the state
 * a scan holds depends on the rate and the lateness, not on the size.
 *
 * <p>Four attacks are planted (see {@link Scenario}); their records sit in the files of their windows.
 * A manifest, {@value #MANIFEST} (hidden, so scans skip it), lists the scenarios, the approved
 * automation and what was written.
 *
 * <p>Every file derives from the seed and its own position: the same seed and size write the same bytes
 * whatever the thread count.
 */
public final class CorpusGenerator {

    public static final long DEFAULT_SEED = 1651L;
    public static final String MANIFEST = ".cadet-generate.json";
    /** The corpus's approved automation: State Manager patching and the CI user's deploys. */
    public static final List<String> APPROVED_PRINCIPALS = List.of(
            "arn:aws:sts::*:assumed-role/AWSServiceRoleForAmazonSSM/*", "arn:aws:iam::*:user/ci-deploy");
    /** The CI runners' network and the SSM service. */
    public static final List<String> APPROVED_SOURCES = List.of("203.0.113.0/28", "ssm.amazonaws.com");

    static final long START = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
    static final long WINDOW = 5 * 60_000L;
    private static final long LATE_DELIVERY = 20 * 60_000L;
    private static final List<String> ACCOUNTS = List.of("111122223333", "444455556666", "777788889999");
    private static final double[] ACTIVITY = {1.0, 0.6, 0.4};
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "us-west-2");
    private static final int[] RECORDS_PER_WINDOW = {3000, 1800, 900};
    private static final int SAMPLE = 2000;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * An attack planted in the corpus.
     *
     * @param id          short name
     * @param description what happens
     * @param principal   the canonical principal the findings name
     * @param sourceIp    where the attacker calls from
     * @param detectors   the detectors that must report it
     */
    public record Scenario(String id, String description, String principal, String sourceIp, List<String> detectors) {

        public Scenario {
            detectors = List.copyOf(detectors);
        }
    }

    /**
     * What was written.
     *
     * @param files     delivery files
     * @param records   CloudTrail records in them
     * @param jsonBytes bytes of JSON before compression
     * @param fileBytes bytes on disk
     * @param from      the first event time, epoch millis
     * @param to        the last event time, epoch millis
     * @param scenarios the planted attacks
     */
    public record Summary(int files, long records, long jsonBytes, long fileBytes, long from, long to,
                          List<Scenario> scenarios) {

        public Summary {
            scenarios = List.copyOf(scenarios);
        }
    }

    private final long targetBytes;
    private final long seed;
    private final boolean gzip;
    private final int threads;

    /**
     * @param targetBytes about how many bytes of JSON to write (before compression), at least 1
     * @param seed        the same seed writes the same corpus
     * @param gzip        write {@code .json.gz} files, as CloudTrail does, instead of {@code .json}
     * @param threads     writer threads, at least 1; the output does not depend on it
     */
    public CorpusGenerator(long targetBytes, long seed, boolean gzip, int threads) {
        if (targetBytes < 1) {
            throw new IllegalArgumentException("size must be >= 1 byte, was " + targetBytes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.targetBytes = targetBytes;
        this.seed = seed;
        this.gzip = gzip;
        this.threads = threads;
    }

    /** One delivery file to write: its stream, window, routine record count, seed, and planted records. */
    private record FileSpec(int account, int region, long window, int routine, long seed, String unique,
                            List<CloudTrailRecord> planted) {
    }

    private record Written(long records, long jsonBytes, long fileBytes, long from, long to) {
    }

    /** Writes the corpus under {@code dir} (created if needed) and its manifest; returns what was written. */
    public Summary writeTo(Path dir) {
        Population population = new Population(seed, ACCOUNTS, ACTIVITY);
        List<Scenario> planted = new ArrayList<>();
        List<FileSpec> files = plan(population, planted);
        List<Written> written = writeAll(dir, population, files);
        long records = 0;
        long json = 0;
        long disk = 0;
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (Written w : written) {
            records += w.records;
            json += w.jsonBytes;
            disk += w.fileBytes;
            from = Math.min(from, w.from);
            to = Math.max(to, w.to);
        }
        Summary summary = new Summary(files.size(), records, json, disk, from, to, planted);
        writeManifest(dir.resolve(MANIFEST), summary);
        return summary;
    }

    /**
     * The files to write, in (window, account, region) order, routine sizes drawn until the target is met,
     * with the planted records added to the files of their windows; the scenarios go to {@code planted}.
     */
    private List<FileSpec> plan(Population population, List<Scenario> planted) {
        double perRecord = averageRecordBytes(population);
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, FileSpec> files = new TreeMap<>();
        double planned = 0;
        long window = 0;
        while (planned < targetBytes) {
            for (int a = 0; a < ACCOUNTS.size() && planned < targetBytes; a++) {
                for (int r = 0; r < REGIONS.size() && planned < targetBytes; r++) {
                    int routine = (int) Math.round(RECORDS_PER_WINDOW[r] * ACTIVITY[a] * (0.75 + 0.5 * rng.nextDouble()));
                    routine = (int) Math.max(1, Math.min(routine, Math.ceil((targetBytes - planned) / perRecord)));
                    planned += routine * perRecord;
                    files.put(key(window, a, r), new FileSpec(a, r, window, routine, rng.nextLong(),
                            Population.token(rng, 16), new ArrayList<>()));
                }
            }
            window++;
        }
        // Scenarios at fixed fractions of the covered time; their records join the files of their windows.
        Scenarios attacks = scenarios(population, window);
        planted.addAll(attacks.scenarios());
        for (Scenarios.Planted p : attacks.records()) {
            long w = Math.floorDiv(p.record().time() - START, WINDOW);
            int r = REGIONS.indexOf(p.region());
            FileSpec spec = files.computeIfAbsent(key(w, p.account(), r), k -> new FileSpec(p.account(), r, w, 0,
                    rng.nextLong(), Population.token(rng, 16), new ArrayList<>()));
            spec.planted().add(p.record());
        }
        return List.copyOf(files.values());
    }

    private static String key(long window, int account, int region) {
        return String.format("%012d/%d/%d", window, account, region);
    }

    private Scenarios scenarios(Population population, long windows) {
        Scenarios s = new Scenarios(population, seed);
        long span = windows * WINDOW;
        s.bruteForceToCommand(at(span, 0.20));
        s.deniedCommandsThenSuccess(at(span, 0.45));
        s.instanceRoleFanOut(at(span, 0.70));
        s.passwordSpray(at(span, 0.90));
        return s;
    }

    private static long at(long span, double fraction) {
        return START + (long) (span * fraction) / 1000 * 1000;
    }

    /** Bytes of JSON per routine record, from a sample drawn with its own generator (so the plan stays stable). */
    private double averageRecordBytes(Population population) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x3C6EF372FE94F82BL);
        Activity activity = new Activity(population.accounts.get(0), REGIONS.get(0), rng);
        List<CloudTrailRecord> sample = new ArrayList<>(SAMPLE);
        for (int i = 0; i < SAMPLE; i++) {
            sample.add(activity.next(START + i * 1000L));
        }
        Counting count = new Counting(OutputStream.nullOutputStream());
        CloudTrailRecord.writeFile(sample, count);
        return (double) count.bytes / SAMPLE;
    }

    private List<Written> writeAll(Path dir, Population population, List<FileSpec> files) {
        if (threads == 1) {
            List<Written> out = new ArrayList<>(files.size());
            for (FileSpec f : files) {
                out.add(write(dir, population, f));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cadet-generate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Written>> futures = new ArrayList<>(files.size());
            for (FileSpec f : files) {
                futures.add(pool.submit(() -> write(dir, population, f)));
            }
            List<Written> out = new ArrayList<>(files.size());
            for (Future<Written> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CadetException("generation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CadetException ce) {
                throw ce;
            }
            throw new CadetException("generation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Written write(Path dir, Population population, FileSpec f) {
        SplittableRandom rng = new SplittableRandom(f.seed());
        Activity activity = new Activity(population.accounts.get(f.account()), REGIONS.get(f.region()), rng);
        long windowStart = START + f.window() * WINDOW;
        List<CloudTrailRecord> records = new ArrayList<>(f.routine() + f.planted().size());
        for (int i = 0; i < f.routine(); i++) {
            long time = windowStart + rng.nextLong(WINDOW);
            if (rng.nextInt(100) == 0) {
                time -= rng.nextLong(LATE_DELIVERY); // delivered late, in a later file than its time says
            }
            records.add(activity.next(time));
        }
        records.addAll(f.planted());
        // CloudTrail does not order records inside a file.
        for (int i = records.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            CloudTrailRecord tmp = records.get(i);
            records.set(i, records.get(j));
            records.set(j, tmp);
        }
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (CloudTrailRecord r : records) {
            from = Math.min(from, r.time());
            to = Math.max(to, r.time());
        }
        Path path = dir.resolve(CloudTrailRecord.deliveryPath(ACCOUNTS.get(f.account()), REGIONS.get(f.region()),
                windowStart + WINDOW, f.unique(), gzip));
        try {
            Files.createDirectories(path.getParent());
            Counting disk;
            Counting json;
            try (OutputStream file = Files.newOutputStream(path)) {
                disk = new Counting(file);
                OutputStream body = gzip ? new GZIPOutputStream(disk, 1 << 16) : disk;
                json = new Counting(body);
                CloudTrailRecord.writeFile(records, json);
                body.close();
            }
            return new Written(records.size(), json.bytes, disk.bytes, from, to);
        } catch (IOException e) {
            throw new CadetException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private void writeManifest(Path path, Summary s) {
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new CadetException("cannot create " + path.getParent() + ": " + e.getMessage(), e);
        }
        try (OutputStream out = Files.newOutputStream(path);
             JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeNumberProperty("seed", seed);
            g.writeNumberProperty("targetBytes", targetBytes);
            g.writeBooleanProperty("gzip", gzip);
            g.writeNumberProperty("files", s.files());
            g.writeNumberProperty("records", s.records());
            g.writeNumberProperty("jsonBytes", s.jsonBytes());
            g.writeNumberProperty("fileBytes", s.fileBytes());
            g.writeStringProperty("from", Instant.ofEpochMilli(s.from()).toString());
            g.writeStringProperty("to", Instant.ofEpochMilli(s.to()).toString());
            strings(g, "approvedPrincipals", APPROVED_PRINCIPALS);
            strings(g, "approvedSources", APPROVED_SOURCES);
            g.writeName("scenarios");
            g.writeStartArray();
            for (Scenario sc : s.scenarios()) {
                g.writeStartObject();
                g.writeStringProperty("id", sc.id());
                g.writeStringProperty("description", sc.description());
                g.writeStringProperty("principal", sc.principal());
                g.writeStringProperty("sourceIp", sc.sourceIp());
                strings(g, "detectors", sc.detectors());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new CadetException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeName(name);
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** Counts the bytes that pass. */
    private static final class Counting extends FilterOutputStream {
        long bytes;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
