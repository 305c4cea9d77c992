package dev.cadet.cli;

import dev.cadet.detectors.DetectionConfig;
import dev.cadet.detectors.DetectionResult;
import dev.cadet.detectors.Pipeline;
import dev.cadet.model.CadetException;
import dev.cadet.model.CloudEvent;
import dev.cadet.model.FileReport;
import dev.cadet.model.InputReport;
import dev.cadet.model.Command;
import dev.cadet.model.Reject;
import dev.cadet.model.ScanResult;
import dev.cadet.parsers.BadRecordPolicy;
import dev.cadet.parsers.CommandHistory;
import dev.cadet.parsers.FileResult;
import dev.cadet.parsers.LogReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One scan: read every input file on parser threads, merge their events into event time, feed them to the
 * event-time pipeline, and assemble the {@link ScanResult} the report writers read.
 *
 * <p>How the merge stays deterministic and small: each file is parsed on its own and its events sorted (a
 * delivery file is a few MB; CloudTrail does not order records inside one). Files are then opened in order of a
 * <em>start key</em>, the earliest event time among their first records (read ahead from each file's first
 * {@value #HEAD_BYTES} bytes of content), and a k-way merge releases
 * events in canonical order (time, provider, event id, file, record), opening the next file once the merge comes
 * within {@link #OPEN_AHEAD_MILLIS} of its start key. So only the files that overlap the current event time or
 * start within that span after it are held, plus what the pipeline keeps inside the allowed lateness, however
 * large the input. Everything depends on file contents only, never on the order of the inputs or on the thread
 * count, so the reports are byte-identical for any of them. A file whose first records start later than its
 * earliest event (by more than the lateness) can have events counted late; a file whose start key is unknown
 * (standard input, a file without events up front) is opened first and held for the whole merge. That is also why
 * SSM command history files (no events of their own) are all read before the first event is delivered, so every
 * SendCommand gets its hidden command text attached on its way to the pipeline.
 */
public final class ScanJob {

    /** Content read ahead from a file for its start key: some 20 to 30 CloudTrail records. */
    static final int HEAD_BYTES = 32 * 1024;

    /** The order events enter the pipeline in; the origin breaks ties between copies of one record. */
    static final Comparator<CloudEvent> CANONICAL_ORDER = ScanJob::compare;

    private static final String STDIN = "-";

    private final LogReader reader;
    private final LogReader peeker;
    private final DetectionConfig config;
    private final int threads;
    private final InputStream stdin;
    private Progress progress = Progress.NONE;
    private FilterOptions filter;

    /**
     * @param reader  how to read files (bad-record policy)
     * @param config  detector and pipeline settings
     * @param threads parser threads, at least 1; the merge and the detectors run on the calling thread
     * @param stdin   what the input {@code -} reads
     */
    public ScanJob(LogReader reader, DetectionConfig config, int threads, InputStream stdin) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.reader = reader;
        // The look for the newest event must not stop at a bad record: the scan's own read reports it.
        this.peeker = LogReader.builder().badRecords(BadRecordPolicy.QUARANTINE).build();
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
        List<Path> files = new ArrayList<>(reader.expand(inputs));
        files.sort(Comparator.comparing(Path::toString));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cadet-parser");
            t.setDaemon(true);
            return t;
        });
        try {
            FilterOptions.Selector selector = filter == null ? FilterOptions.Selector.ALL
                    : filter.selector(filter.needsNewest() ? newest(pool, files) : Long.MIN_VALUE);
            List<Scheduled> order = schedule(pool, files);
            progress.start(files.size(), totalSize(files));
            ScanResult result = new Merge(pool, order, selector).run();
            progress.phase("analysing");
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The newest event time of the input, for filters relative to it ({@code --from 7d}): one extra pass
     * over the files, paid only by such filters. Standard input cannot be read twice.
     */
    private long newest(ExecutorService pool, List<Path> files) {
        if (files.stream().anyMatch(f -> STDIN.equals(f.toString()))) {
            throw new IllegalArgumentException("--from/--to relative to the newest event need files, not standard "
                    + "input: give an ISO time or a date instead");
        }
        List<Future<Long>> maxima = new ArrayList<>(files.size());
        for (Path f : files) {
            maxima.add(pool.submit(() -> {
                long[] max = {Long.MIN_VALUE};
                peeker.read(f, e -> max[0] = Math.max(max[0], e.time()));
                return max[0];
            }));
        }
        long newest = Long.MIN_VALUE;
        for (Future<Long> m : maxima) {
            newest = Math.max(newest, await(m));
        }
        return newest;
    }

    /** Bytes in all files, or -1 when unknown (standard input, a file that vanished). */
    private static long totalSize(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            try {
                if (STDIN.equals(f.toString())) {
                    return -1;
                }
                total += Files.size(f);
            } catch (IOException e) {
                return -1;
            }
        }
        return total;
    }

    /**
     * How long before its start key the merge opens a file. The start key is the earliest of a file's first
     * records only, and a CloudTrail file holds about five minutes of records in no order; opened that much
     * early, a generated 1 GB corpus delivered 4,100 events out of time order instead of 44,000 (each one a
     * trip through the pipeline's priority queue), for a few more files held at once.
     */
    static final long OPEN_AHEAD_MILLIS = 5 * 60_000L;

    /** The merge time at which a file opens: {@link #OPEN_AHEAD_MILLIS} before its start key. */
    private static long opensAt(Scheduled s) {
        long start = s.startKey();
        return start - OPEN_AHEAD_MILLIS < start ? start - OPEN_AHEAD_MILLIS : start;
    }

    /** A file and the event time it starts at; {@link Long#MIN_VALUE} when unknown. */
    private record Scheduled(Path file, long startKey) {
    }

    /** The files in the order the merge opens them: by start key, then by path. */
    private List<Scheduled> schedule(ExecutorService pool, List<Path> files) {
        List<Future<Long>> keys = new ArrayList<>(files.size());
        for (Path f : files) {
            keys.add(pool.submit(() -> startKey(f)));
        }
        List<Scheduled> order = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            order.add(new Scheduled(files.get(i), await(keys.get(i))));
        }
        order.sort(Comparator.comparingLong(Scheduled::startKey).thenComparing(s -> s.file().toString()));
        return order;
    }

    /** The earliest event time among the file's first records, or {@link Long#MIN_VALUE}. */
    private long startKey(Path file) {
        if (STDIN.equals(file.toString())) {
            return Long.MIN_VALUE;
        }
        long[] min = {Long.MAX_VALUE};
        reader.readHead(file, HEAD_BYTES, e -> min[0] = Math.min(min[0], e.time()));
        return min[0] == Long.MAX_VALUE ? Long.MIN_VALUE : min[0];
    }

    /** The events of one file in canonical order, with its accounting. */
    private record Run(FileResult result, CloudEvent[] events) {
    }

    private Run parse(Path file) {
        List<CloudEvent> events = new ArrayList<>();
        Consumer<CloudEvent> sink = progress.shown() ? e -> {
            events.add(e);
            progress.event();
        } : events::add;
        FileResult result = read(reader, file, stdin, progress, sink);
        progress.fileDone(result.report());
        CloudEvent[] sorted = events.toArray(new CloudEvent[0]);
        sortCanonical(sorted);
        for (CloudEvent e : sorted) {
            // The single merge thread's duplicate check hashes every id; String keeps the hash made here, on a
            // parser thread.
            e.eventId().hashCode();
        }
        return new Run(result, sorted);
    }

    /**
     * Sorts events into {@link #CANONICAL_ORDER}. A delivery file scatters its records over minutes, so a
     * comparator sort would read two events per comparison, and compare event ids on every tie of CloudTrail's
     * whole seconds. Sorting times as primitives first, each packed with its index, leaves the comparator only
     * the runs of events that share a millisecond.
     */
    static void sortCanonical(CloudEvent[] events) {
        int n = events.length;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (CloudEvent e : events) {
            min = Math.min(min, e.time());
            max = Math.max(max, e.time());
        }
        int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        long span = max - min;
        if (n < 2 || span < 0 || span >>> (63 - indexBits) != 0) {
            // Times too far apart to pack (or nothing to sort): the comparator alone.
            Arrays.sort(events, CANONICAL_ORDER);
            return;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (events[i].time() - min) << indexBits | i;
        }
        Arrays.sort(keys);
        CloudEvent[] unsorted = events.clone();
        long indexMask = (1L << indexBits) - 1;
        for (int i = 0; i < n; i++) {
            events[i] = unsorted[(int) (keys[i] & indexMask)];
        }
        for (int from = 0; from < n; ) {
            long time = keys[from] >>> indexBits;
            int to = from + 1;
            while (to < n && keys[to] >>> indexBits == time) {
                to++;
            }
            if (to - from > 1) {
                Arrays.sort(events, from, to, CANONICAL_ORDER);
            }
            from = to;
        }
    }

    /**
     * Reads one input; with progress shown, through a stream that counts bytes. A file that cannot be
     * opened is left to the reader, which reports it the same way either way.
     */
    static FileResult read(LogReader reader, Path file, InputStream stdin, Progress progress,
                           Consumer<CloudEvent> sink) {
        if (STDIN.equals(file.toString())) {
            return reader.read(progress.counting(stdin), STDIN, sink);
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

    /** The k-way merge of the files' runs into the pipeline, with parsing running ahead on the pool. */
    private final class Merge {

        private final ExecutorService pool;
        private final List<Scheduled> order;
        private final List<Future<Run>> parsed;
        /** How many files may be parsed ahead of the next one the merge opens. */
        private final int lookahead;
        private final PriorityQueue<Cursor> open = new PriorityQueue<>(Cursor::compareHeads);
        private final List<FileReport> reports = new ArrayList<>();
        private final List<Reject> rejects = new ArrayList<>();
        private final Pipeline pipeline = Pipeline.create(config);
        private final FilterOptions.Selector selector;
        private final List<Command> history = new ArrayList<>();
        private CommandHistory commands = CommandHistory.of(List.of());
        private int submitted;
        private int opened;

        Merge(ExecutorService pool, List<Scheduled> order, FilterOptions.Selector selector) {
            this.pool = pool;
            this.order = order;
            this.selector = selector;
            this.parsed = new ArrayList<>(order.size());
            this.lookahead = 2 * threads + 2;
        }

        ScanResult run() {
            while (submitted < Math.min(lookahead, order.size())) {
                submitNext();
            }
            while (true) {
                openDue();
                Cursor c = open.poll();
                if (c == null) {
                    break;
                }
                // Stay on this file while it holds the smallest event and no other file is due. The rival's head
                // and the next file's start stay put meanwhile, so their times are read once.
                Cursor rival = open.peek();
                long rivalTime = rival == null ? Long.MAX_VALUE : rival.headTime();
                long nextStart = opened < order.size() ? opensAt(order.get(opened)) : Long.MAX_VALUE;
                do {
                    deliver(c.next());
                } while (c.hasNext() && c.headTime() < nextStart && (rival == null || c.headTime() < rivalTime
                        || (c.headTime() == rivalTime && compare(c.head(), rival.head()) <= 0)));
                if (c.hasNext()) {
                    open.add(c);
                }
            }
            reports.sort(Comparator.comparing(FileReport::file));
            rejects.sort(Comparator.comparing((Reject r) -> r.origin().file()).thenComparingLong(r -> r.origin().record()));
            DetectionResult detected = pipeline.finish();
            return new ScanResult(new InputReport(reports, rejects), detected.counters(), detected.coverage(),
                    detected.findings(), detected.incidents(), selector.result());
        }

        /** The one place every event passes on its way to the pipeline, in merge order. */
        private void deliver(CloudEvent event) {
            if (selector.keep(event)) {
                pipeline.push(commands.attach(event));
            }
        }

        /** Opens every file whose start key the merge has reached (all of them while nothing is open). */
        private void openDue() {
            while (opened < order.size() && (open.isEmpty() || due(open.peek().headTime()))) {
                Run run = await(parsed.get(opened));
                parsed.set(opened, null);
                opened++;
                if (submitted < order.size()) {
                    submitNext();
                }
                reports.add(run.result().report());
                rejects.addAll(run.result().rejects());
                if (!run.result().history().isEmpty()) {
                    // History files carry no events, so all of them open before the first event is delivered.
                    history.addAll(run.result().history());
                    commands = CommandHistory.of(history);
                }
                if (run.events().length > 0) {
                    open.add(new Cursor(run.events()));
                }
            }
        }

        /** True when the next file to open starts at or before {@code time}. */
        private boolean due(long time) {
            return opened < order.size() && opensAt(order.get(opened)) <= time;
        }

        private void submitNext() {
            Path file = order.get(submitted++).file();
            parsed.add(pool.submit(() -> parse(file)));
        }
    }

    /** A position in one file's sorted events. */
    private static final class Cursor {
        private final CloudEvent[] events;
        private int next;
        /** The head's time, kept here so that ordering the open files reads no event. */
        private long headTime;

        Cursor(CloudEvent[] events) {
            this.events = events;
            this.headTime = events[0].time();
        }

        CloudEvent head() {
            return events[next];
        }

        long headTime() {
            return headTime;
        }

        CloudEvent next() {
            CloudEvent e = events[next];
            events[next++] = null; // delivered: let the pipeline own it alone
            if (next < events.length) {
                headTime = events[next].time();
            }
            return e;
        }

        boolean hasNext() {
            return next < events.length;
        }

        /** Canonical order of the heads, by the kept times first. */
        static int compareHeads(Cursor a, Cursor b) {
            int c = Long.compare(a.headTime, b.headTime);
            return c != 0 ? c : compare(a.head(), b.head());
        }
    }


    /** Time, provider, event id, then the origin's file and record: a total order over distinct records. */
    private static int compare(CloudEvent a, CloudEvent b) {
        int c = Long.compare(a.time(), b.time());
        if (c != 0) {
            return c;
        }
        c = a.provider().compareTo(b.provider());
        if (c != 0) {
            return c;
        }
        c = a.eventId().compareTo(b.eventId());
        if (c != 0) {
            return c;
        }
        c = a.origin().file().compareTo(b.origin().file());
        return c != 0 ? c : Long.compare(a.origin().record(), b.origin().record());
    }

    private static <T> T await(Future<T> future) {
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
}
