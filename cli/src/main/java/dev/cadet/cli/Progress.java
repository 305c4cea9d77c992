package dev.cadet.cli;

import dev.cadet.model.FileReport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A one-line progress bar on standard error while a scan reads its inputs: bytes read of the total,
 * records read and events per second. Counters are updated from the parser threads; a daemon thread
 * redraws the line a few times a second. {@link #NONE} does nothing, for redirected output, {@code
 * --quiet} and tests.
 */
class Progress implements AutoCloseable {

    /** No progress shown. */
    static final Progress NONE = new Progress();

    static final long REDRAW_MILLIS = 200;
    static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final InstantSource clock;
    private final LongAdder bytes = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final LongAdder inFlightEvents = new LongAdder();
    private final AtomicLong filesDone = new AtomicLong();
    private volatile long totalBytes = -1;
    private volatile int totalFiles;
    private volatile long startMillis;
    private volatile String phase = "reading";
    /** When reading ended, so that events/s measures parsing, not the detectors and writers after it. */
    private volatile long readEndMillis = -1;
    private ScheduledExecutorService ticker;
    private int lastWidth;

    private Progress() {
        this.err = null;
        this.clock = null;
    }

    /** A progress line drawn on {@code err}, timed by {@code clock}. */
    Progress(PrintWriter err, InstantSource clock) {
        this.err = err;
        this.clock = clock;
    }

    /** Progress for this console: drawn only when standard error is a terminal and not quiet. */
    static Progress of(Console console, boolean quiet) {
        return quiet || !console.errTerminal() ? NONE : new Progress(console.err(), console.clock());
    }

    boolean shown() {
        return err != null;
    }

    /** Starts the redraw thread; {@code bytes} is the total input size, or -1 when unknown (standard input). */
    void start(int files, long totalInputBytes) {
        if (!shown()) {
            return;
        }
        this.totalFiles = files;
        this.totalBytes = totalInputBytes;
        this.startMillis = clock.millis();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cadet-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::draw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** {@code in} counting the bytes read from it. */
    InputStream counting(InputStream in) {
        if (!shown()) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytes.increment();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    bytes.add(n);
                }
                return n;
            }
        };
    }

    /** One event parsed (called from parser threads). */
    void event() {
        if (shown()) {
            events.increment();
            inFlightEvents.increment();
        }
    }

    /** One file read to its end (called from parser threads). */
    void fileDone(FileReport report) {
        if (shown()) {
            records.add(report.records());
            inFlightEvents.add(-report.events());
            filesDone.incrementAndGet();
        }
    }

    /** Reading is over; the detectors and writers run now. */
    void phase(String what) {
        if (shown()) {
            if (readEndMillis < 0) {
                readEndMillis = clock.millis();
            }
            phase = what;
            draw();
        }
    }

    /** The progress line as it stands now, without the leading carriage return. */
    synchronized String line() {
        long end = readEndMillis >= 0 ? readEndMillis : clock.millis();
        long elapsed = Math.max(1, end - startMillis);
        long read = bytes.sum();
        long ev = events.sum();
        // Records of finished files are exact; a file still being read has at least one record per event.
        long rec = records.sum() + Math.max(0, inFlightEvents.sum());
        StringBuilder b = new StringBuilder(100);
        b.append("cadet: ").append(phase).append(' ');
        if (totalBytes > 0) {
            int filled = (int) Math.min(BAR_WIDTH, read * BAR_WIDTH / totalBytes);
            b.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", Math.min(100, read * 100 / totalBytes)));
        }
        b.append(bytes(read));
        if (totalBytes > 0) {
            b.append(" of ").append(bytes(totalBytes));
        }
        b.append(String.format(Locale.ROOT, ", %d/%d files, %,d records, %,d events/s", filesDone.get(),
                totalFiles, rec, ev * 1000 / elapsed));
        return b.toString();
    }

    private synchronized void draw() {
        String line = line();
        // Pad over a longer previous line instead of relying on an erase sequence.
        int pad = Math.max(0, lastWidth - line.length());
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
        lastWidth = line.length();
    }

    /** Stops redrawing and clears the line, so that what follows starts on a clean line. */
    @Override
    public synchronized void close() {
        if (!shown()) {
            return;
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
        err.print("\r" + " ".repeat(lastWidth) + "\r");
        err.flush();
        lastWidth = 0;
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
