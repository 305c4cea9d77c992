package dev.cadet.cli;

import dev.cadet.cli.internal.generate.CorpusGenerator;
import dev.cadet.cli.internal.generate.Sizes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code cadet generate --size 1GB --out DIR}: a synthetic CloudTrail corpus with planted attacks, for benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic CloudTrail corpus of about SIZE bytes of JSON as S3 delivery files under "
                + "DIR (three accounts, three regions, realistic routine activity, four planted attacks listed in "
                + "DIR/" + CorpusGenerator.MANIFEST + "). The same seed and size write the same bytes."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--size", paramLabel = "SIZE", required = true,
            description = "JSON bytes to write before compression: 400MB, 1GB (powers of 1000) or 512MiB, 1GiB.")
    String size;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "Folder to write to.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + CorpusGenerator.DEFAULT_SEED,
            description = "Seed; the same seed and size write the same bytes. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--gzip", description = "Write .json.gz files, as CloudTrail delivers them.")
    boolean gzip;

    @Option(names = "--providers", paramLabel = "LIST", split = ",", defaultValue = "aws",
            description = "Clouds to write logs for; only 'aws' (CloudTrail) so far. Default: ${DEFAULT-VALUE}.")
    List<String> providers;

    @Option(names = "--threads", paramLabel = "N", description = "Writer threads. Default: number of cores.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String p : providers) {
            if (!"aws".equals(p.trim().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("--providers: only 'aws' can be generated so far, was '" + p + "'");
            }
        }
        PrintWriter console = spec.commandLine().getOut();
        long started = System.nanoTime();
        CorpusGenerator.Summary s = new CorpusGenerator(Sizes.parse(size), seed, gzip, threads).writeTo(out);
        double seconds = (System.nanoTime() - started) / 1e9;
        console.printf(Locale.ROOT, "Wrote %,d files, %,d CloudTrail records, %s of JSON (%s on disk) covering %s to %s "
                        + "under %s in %.1f s%n", s.files(), s.records(), Sizes.format(s.jsonBytes()),
                Sizes.format(s.fileBytes()), Instant.ofEpochMilli(s.from()), Instant.ofEpochMilli(s.to()),
                Console.safe(out.toString()), seconds);
        console.println("Planted attacks (listed in " + CorpusGenerator.MANIFEST + "):");
        for (CorpusGenerator.Scenario sc : s.scenarios()) {
            console.printf(Locale.ROOT, "  %-30s %s -> %s%n", sc.id(), sc.principal(), String.join(", ", sc.detectors()));
        }
        StringBuilder scan = new StringBuilder("Scan it with: cadet scan ").append(out);
        CorpusGenerator.APPROVED_PRINCIPALS.forEach(p -> scan.append(" --approved-principal '").append(p).append('\''));
        CorpusGenerator.APPROVED_SOURCES.forEach(p -> scan.append(" --approved-source ").append(p));
        console.println(Console.safe(scan.toString()));
        return Main.EXIT_OK;
    }
}
