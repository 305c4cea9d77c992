package dev.cadet.cli;

import dev.cadet.detectors.DetectionConfig;
import dev.cadet.detectors.DetectionResult;
import dev.cadet.detectors.Pipeline;
import dev.cadet.model.CadetException;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.Command;
import dev.cadet.model.FileReport;
import dev.cadet.model.InputReport;
import dev.cadet.model.Reject;
import dev.cadet.model.ScanFilter;
import dev.cadet.model.ScanResult;
import dev.cadet.parsers.CommandHistory;
import dev.cadet.parsers.FileResult;
import dev.cadet.parsers.LogReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One scan: read every input file (in parallel), feed the events to the event-time pipeline in a
 * canonical order, and assemble the {@link ScanResult} the report writers read.
 *
 * <p>Output does not depend on the order of the inputs or the thread count: files are parsed
 * independently, and events enter the pipeline sorted by time, provider, event id and origin.
 * The price is that all parsed events are held in memory until the pipeline has them.
 */
public final class ScanJob {

    /** The order events enter the pipeline in; the origin breaks ties between copies of one record. */
    static final Comparator<CloudEvent> CANONICAL_ORDER = Comparator.comparingLong(CloudEvent::time)
            .thenComparing(CloudEvent::provider)
            .thenComparing(CloudEvent::eventId)
            .thenComparing(e -> e.origin().file())
            .thenComparingLong(e -> e.origin().record());

    private final LogReader reader;
    private final DetectionConfig config;
    private final int threads;
    private final InputStream stdin;
    private Progress progress = Progress.NONE;
    private FilterOptions filter;

    /**
     * @param reader  how to read files (bad-record policy)
     * @param config  detector and pipeline settings
     * @param threads parser threads, at least 1
     * @param stdin   what the input {@code -} reads
     */
    public ScanJob(LogReader reader, DetectionConfig config, int threads, InputStream stdin) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.reader = reader;
        this.config = config;
        this.threads = threads;
        this.stdin = stdin;
    }

    /** Shows reading progress (the command line's progress bar). */
    ScanJob progress(Progress shown) {
        this.progress = shown;
        return this;
    }

    /** Analyses only the events these filters keep; the result says how many were left out. */
    ScanJob filter(FilterOptions filters) {
        this.filter = filters;
        return this;
    }

    /** Scans files and folders ({@code -} for standard input). */
    public ScanResult run(List<Path> inputs) {
        List<Path> files = reader.expand(inputs);
        progress.start(files.size(), totalSize(files));
        List<Parsed> parsed = parseAll(files);
        progress.phase("analysing");

        List<FileReport> reports = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        List<Command> history = new ArrayList<>();
        for (Parsed p : parsed) {
            reports.add(p.result.report());
            rejects.addAll(p.result.rejects());
            events.addAll(p.events);
            history.addAll(p.result.history());
        }
        // SSM command history supplied alongside fills in the command text CloudTrail hides, by command id.
        events.replaceAll(CommandHistory.of(history)::attach);
        reports.sort(Comparator.comparing(FileReport::file));
        rejects.sort(Comparator.comparing((Reject r) -> r.origin().file()).thenComparingLong(r -> r.origin().record()));
        events.sort(CANONICAL_ORDER);
        FilterOptions.Selection selection = filter == null ? new FilterOptions.Selection(events, ScanFilter.NONE)
                : filter.apply(events);

        Pipeline pipeline = Pipeline.create(config);
        selection.events().forEach(pipeline::push);
        DetectionResult detected = pipeline.finish();
        return new ScanResult(new InputReport(reports, rejects), detected.counters(), detected.coverage(),
                detected.findings(), detected.incidents(), selection.filter());
    }

    /** Bytes in all files, or -1 when unknown (standard input, a file that vanished). */
    private static long totalSize(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            try {
                if ("-".equals(f.toString())) {
                    return -1;
                }
                total += Files.size(f);
            } catch (IOException e) {
                return -1;
            }
        }
        return total;
    }

    private List<Parsed> parseAll(List<Path> files) {
        if (threads == 1 || files.size() < 2) {
            List<Parsed> out = new ArrayList<>(files.size());
            for (Path f : files) {
                out.add(parse(f));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()), r -> {
            Thread t = new Thread(r, "cadet-parser");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Parsed>> futures = new ArrayList<>(files.size());
            for (Path f : files) {
                Callable<Parsed> task = () -> parse(f);
                futures.add(pool.submit(task));
            }
            List<Parsed> out = new ArrayList<>(files.size());
            for (Future<Parsed> future : futures) {
                out.add(await(future));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Parsed parse(Path file) {
        List<CloudEvent> events = new ArrayList<>();
        Consumer<CloudEvent> sink = progress.shown() ? e -> {
            events.add(e);
            progress.event();
        } : events::add;
        FileResult result = read(reader, file, stdin, progress, sink);
        progress.fileDone(result.report());
        return new Parsed(result, events);
    }

    /**
     * Reads one input; with progress shown, through a stream that counts bytes. A file that cannot be
     * opened is left to the reader, which reports it the same way either way.
     */
    static FileResult read(LogReader reader, Path file, InputStream stdin, Progress progress,
                           Consumer<CloudEvent> sink) {
        if ("-".equals(file.toString())) {
            return reader.read(progress.counting(stdin), "-", sink);
        }
        if (!progress.shown()) {
            return reader.read(file, sink);
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            return reader.read(file, sink);
        }
        try {
            return reader.read(progress.counting(in), file.toString(), sink);
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // Everything was read; a failing close of a read-only file loses nothing.
            }
        }
    }

    private static Parsed await(Future<Parsed> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CadetException("scan interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CadetException ce) {
                throw ce;
            }
            throw new CadetException("parser failed: " + e.getCause(), e.getCause());
        }
    }

    private record Parsed(FileResult result, List<CloudEvent> events) {
    }
}
