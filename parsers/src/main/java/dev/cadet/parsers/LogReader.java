package dev.cadet.parsers;

import dev.cadet.model.CloudEvent;
import dev.cadet.model.FileReport;
import dev.cadet.model.Origin;
import dev.cadet.parsers.internal.CompressedDataException;
import dev.cadet.parsers.internal.Decoder;
import dev.cadet.parsers.internal.FileProblem;
import dev.cadet.parsers.internal.Format;
import dev.cadet.parsers.internal.GzipLimits;
import dev.cadet.parsers.internal.JsonInput;
import dev.cadet.parsers.internal.Peek;
import dev.cadet.parsers.internal.ReadSession;
import dev.cadet.parsers.internal.Sniffer;
import dev.cadet.parsers.internal.StopReading;
import dev.cadet.parsers.internal.Texts;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads audit-log inputs into normalized events. The format of each input is sniffed from its content
 * (gzip or plain, then the JSON shape or the CSV header), records are streamed one at a time so memory does
 * not grow with the file, and every record is accounted for: it becomes an event, is skipped by rule (a
 * digest file, SSM command history) or is quarantined with its location and reason.
 *
 * <p>Immutable and thread-safe: one instance can read many files in parallel. Each call to
 * {@code read} delivers the events of one input, in input order, on the calling thread.
 *
 * <pre>{@code
 * LogReader reader = LogReader.create();
 * for (Path file : reader.expand(List.of(Path.of("logs")))) {
 *     FileResult result = reader.read(file, events::add);
 *     // result.report(): format, records, events, skipped, quarantined, error
 * }
 * }</pre>
 */
public final class LogReader {

    /** What an error message or reject quotes from the input, at most, by default. */
    public static final int DEFAULT_EXCERPT_CHARS = 500;
    /** How many bytes one gzip input may decompress to, by default: 16 GiB. */
    public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = GzipLimits.DEFAULT_MAX_BYTES;
    /** How many times one gzip input may expand, by default (judged once 64 MiB are out). */
    public static final int DEFAULT_MAX_COMPRESSION_RATIO = GzipLimits.DEFAULT_MAX_RATIO;

    /** The largest input read in memory by default; see {@link Builder#maxHeldBytes}. */
    public static final int DEFAULT_MAX_HELD_BYTES = JsonInput.MAX_HELD_BYTES;

    private static final String STDIN = "-";

    private final BadRecordPolicy badRecords;
    private final int maxExcerptChars;
    private final GzipLimits gzipLimits;
    private final int maxHeldBytes;

    private LogReader(Builder b) {
        this.maxHeldBytes = b.maxHeldBytes;
        this.badRecords = b.badRecords;
        this.maxExcerptChars = b.maxExcerptChars;
        this.gzipLimits = new GzipLimits(b.maxDecompressedBytes, b.maxCompressionRatio);
    }

    /** A reader that quarantines bad records and quotes at most {@value #DEFAULT_EXCERPT_CHARS} characters. */
    public static LogReader create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configuration of a {@link LogReader}; validates each setting when it is given. */
    public static final class Builder {

        private BadRecordPolicy badRecords = BadRecordPolicy.QUARANTINE;
        private int maxExcerptChars = DEFAULT_EXCERPT_CHARS;
        private long maxDecompressedBytes = DEFAULT_MAX_DECOMPRESSED_BYTES;
        private int maxCompressionRatio = DEFAULT_MAX_COMPRESSION_RATIO;
        private int maxHeldBytes = DEFAULT_MAX_HELD_BYTES;

        private Builder() {
        }

        /** What to do with bad records and broken files; {@link BadRecordPolicy#QUARANTINE} by default. */
        public Builder badRecords(BadRecordPolicy policy) {
            this.badRecords = Objects.requireNonNull(policy, "badRecords policy must not be null");
            return this;
        }

        /** The most characters a reject excerpt or message quotes from the input; must be positive. */
        public Builder maxExcerptChars(int chars) {
            if (chars <= 0) {
                throw new IllegalArgumentException("maxExcerptChars must be > 0, was " + chars);
            }
            this.maxExcerptChars = chars;
            return this;
        }

        /**
         * The most bytes one gzip input may decompress to; must be positive. Beyond it reading stops with a
         * file error, the records read so far kept: a gzip bomb costs seconds, not the machine.
         */
        public Builder maxDecompressedBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxDecompressedBytes must be > 0, was " + bytes);
            }
            this.maxDecompressedBytes = bytes;
            return this;
        }

        /**
         * How many times one gzip input may expand (decompressed bytes per compressed byte), judged once
         * 64 MiB are out; must be positive. Audit logs expand 5 to 30 times, gzip bombs about 1,000.
         */
        public Builder maxCompressionRatio(int ratio) {
            if (ratio <= 0) {
                throw new IllegalArgumentException("maxCompressionRatio must be > 0, was " + ratio);
            }
            this.maxCompressionRatio = ratio;
            return this;
        }

        /**
         * The largest input (decompressed) that is read whole into memory, where its plain records are read
         * straight from the bytes, which is faster; larger inputs are read as a stream. At most
         * {@value #DEFAULT_MAX_HELD_BYTES}, the default; 0 streams everything. The results are the same either way.
         */
        public Builder maxHeldBytes(int bytes) {
            if (bytes < 0 || bytes > DEFAULT_MAX_HELD_BYTES) {
                throw new IllegalArgumentException("maxHeldBytes must be in [0, " + DEFAULT_MAX_HELD_BYTES
                        + "], was " + bytes);
            }
            this.maxHeldBytes = bytes;
            return this;
        }

        public LogReader build() {
            return new LogReader(this);
        }
    }

    public BadRecordPolicy badRecords() {
        return badRecords;
    }

    public int maxExcerptChars() {
        return maxExcerptChars;
    }

    public long maxDecompressedBytes() {
        return gzipLimits.maxBytes();
    }

    public int maxCompressionRatio() {
        return gzipLimits.maxRatio();
    }

    public int maxHeldBytes() {
        return maxHeldBytes;
    }

    /**
     * Expands inputs into the files to read: folders recursively (their files sorted by path, hidden files
     * and folders, whose names start with '.', skipped), regular files as given, and {@code -} kept as the
     * marker for standard input. The order is deterministic: inputs in the order given.
     *
     * @throws InputException for a path that does not exist or a folder that cannot be listed
     */
    public List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            Objects.requireNonNull(input, "input path");
            if (STDIN.equals(input.toString())) {
                files.add(input);
            } else if (Files.isDirectory(input)) {
                files.addAll(listFolder(input));
            } else if (Files.exists(input)) {
                files.add(input);
            } else {
                throw new InputException("input not found: " + input
                        + " (expected a file, a folder, or - for standard input)", null);
            }
        }
        return List.copyOf(files);
    }

    private static List<Path> listFolder(Path folder) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(folder) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!hidden(file) && (attrs.isRegularFile() || Files.isRegularFile(file))) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new InputException("cannot list folder " + folder + ": " + reason(e), null, e);
        }
        found.sort(null);
        return found;
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /**
     * Reads one file, gzip-compressed or plain (told by content, not by name); {@code -} reads standard
     * input. Events go to {@code events} in input order; {@code Origin.file} is {@code file.toString()}.
     *
     * @throws InputException only under {@link BadRecordPolicy#FAIL}, at the first bad record or broken file
     */
    public FileResult read(Path file, Consumer<CloudEvent> events) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(events, "events");
        String name = file.toString();
        if (STDIN.equals(name)) {
            return read(System.in, STDIN, events);
        }
        if (Files.isDirectory(file)) {
            return fileError(name, events, "is a folder; expected a file (expand folders first)");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            return fileError(name, events, "cannot open file: " + reason(e));
        }
        try {
            return read(in, name, events);
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // Everything was read; a failing close of a read-only file loses nothing.
            }
        }
    }

    /**
     * Reads a stream (standard input, an embedded resource). The stream is not closed.
     *
     * @param name what {@code Origin.file} and messages call the input
     * @throws InputException only under {@link BadRecordPolicy#FAIL}, at the first bad record or broken file
     */
    public FileResult read(InputStream in, String name, Consumer<CloudEvent> events) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(events, "events");
        ReadSession session = session(name, events);
        try {
            FileReport report = read(in, session, -1);
            return new FileResult(report, session.rejects(), session.history());
        } catch (StopReading e) {
            throw new InputException(e.getMessage(), e.origin());
        }
    }

    /**
     * Reads the events of the records that end within the first {@code contentBytes} bytes of a file's content
     * (decompressed): where a file starts, say to order files by time, without reading all of it. Only as much
     * as that is decompressed. Nothing is accounted or reported: the record the cut falls in is no error, and
     * bad records are passed over, whatever the bad-record policy. {@link #read(Path, Consumer)} reads a file's
     * events with their accounting.
     *
     * @throws IllegalArgumentException for standard input ({@code -}), whose head cannot be read apart from the rest
     */
    public void readHead(Path file, int contentBytes, Consumer<CloudEvent> events) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(events, "events");
        if (STDIN.equals(file.toString())) {
            throw new IllegalArgumentException("the head of standard input cannot be read apart from the rest");
        }
        if (contentBytes < 0) {
            throw new IllegalArgumentException("contentBytes must be >= 0, was " + contentBytes);
        }
        try (InputStream in = Files.newInputStream(file)) {
            read(in, new ReadSession(file.toString(), false, maxExcerptChars, events), contentBytes);
        } catch (IOException e) {
            // A file that cannot be read has no head; reading all of it says why.
        }
    }

    private FileResult fileError(String name, Consumer<CloudEvent> events, String error) {
        try {
            return new FileResult(session(name, events).finish(Formats.UNKNOWN, error, null), List.of());
        } catch (StopReading e) {
            throw new InputException(e.getMessage(), e.origin());
        }
    }

    /** {@code headBytes}: read only the head of the content, that many bytes; -1 for all of it. */
    private FileReport read(InputStream in, ReadSession session, long headBytes) {
        Decoder.Decoded decoded;
        try {
            decoded = Decoder.open(in, gzipLimits, headBytes < 0 ? Long.MAX_VALUE : headBytes);
        } catch (IOException e) {
            return session.finish(Formats.UNKNOWN, ioError(e, session), null);
        }
        try {
            return read(decoded, session, headBytes >= 0);
        } finally {
            Decoder.release(decoded);
        }
    }

    private FileReport read(Decoder.Decoded decoded, ReadSession session, boolean head) {
        // Most inputs are told from their first record; the long look over the whole prefix only when not.
        Peek peek = Sniffer.glance(decoded.prefix(), decoded.offset(), decoded.length());
        Format format = peek.cutShort() ? Formats.detectFromFirstRecord(peek) : null;
        if (peek.cutShort() && format == null) {
            peek = Sniffer.peek(decoded.prefix(), decoded.offset(), decoded.length());
        }
        if (decoded.failure() != null && decoded.length() == 0) {
            return session.finish(Formats.UNKNOWN, ioError(decoded.failure(), session), null);
        }
        if (peek.blank() || peek.emptyArray()) {
            if (decoded.failure() == null && decoded.length() < Decoder.SNIFF_BYTES) {
                return session.finish(Formats.EMPTY, null, null);
            }
            return session.finish(Formats.UNKNOWN, "no JSON value in the first "
                    + Texts.number(decoded.length()) + " bytes", null);
        }
        if (format == null) {
            format = Formats.detect(peek);
        }
        if (format == null) {
            return session.finish(Formats.UNKNOWN, Formats.unknown(peek), null);
        }
        session.recordNoun(format.recordNoun());
        try (JsonInput input = new JsonInput(decoded.body(), maxExcerptChars, maxHeldBytes, head)) {
            try {
                format.read(input, session);
            } catch (JacksonException e) {
                // Limit violations carry no location of their own: the parser still knows where it is.
                return jsonError(format, session, e, e.getLocation() != null ? e.getLocation() : input.location());
            }
            return session.finish(format.name(), null, null);
        } catch (FileProblem e) {
            return session.finish(format.name(), e.getMessage() + " " + salvaged(session),
                    errorOrigin(session, e.line(), e.column()));
        } catch (JacksonException e) {
            return jsonError(format, session, e, e.getLocation());
        } catch (IOException e) {
            return session.finish(format.name(), ioError(e, session), null);
        }
    }

    private ReadSession session(String name, Consumer<CloudEvent> events) {
        return new ReadSession(name, badRecords == BadRecordPolicy.FAIL, maxExcerptChars, events);
    }

    private static FileReport jsonError(Format format, ReadSession session, JacksonException e,
                                        TokenStreamLocation at) {
        if (e.getCause() instanceof IOException io) {
            return session.finish(format.name(), ioError(io, session), null);
        }
        long line = at == null ? 0 : at.getLineNr();
        long column = at == null ? 0 : at.getColumnNr();
        String where = "line " + Texts.number(line) + ", column " + Texts.number(column);
        String after = "after " + Texts.count(session.completedRecords(), "record");
        String error;
        if (e instanceof UnexpectedEndOfInputException) {
            error = "JSON cut off " + after + ": the input ends at " + where
                    + (session.insideRecord() ? " inside record #" + Texts.number(session.completedRecords() + 1)
                    + ", which is not counted" : "") + "; the file looks truncated";
        } else if (e instanceof StreamConstraintsException) {
            error = "JSON exceeds a parser limit " + after + " at " + where + ": " + Texts.parserMessage(e);
        } else {
            error = "malformed JSON " + after + " at " + where + ": " + Texts.parserMessage(e);
        }
        return session.finish(format.name(), error, errorOrigin(session, line, column));
    }

    private static Origin errorOrigin(ReadSession session, long line, long column) {
        return session.origin(session.completedRecords() + 1, line, column);
    }

    /** "truncated gzip after 1,234 records: the compressed data ends early". */
    private static String ioError(IOException e, ReadSession session) {
        String after = "after " + Texts.count(session.completedRecords(), "record");
        if (e instanceof CompressedDataException c) {
            return c.kind().label() + " " + after + ": " + c.getMessage();
        }
        return "I/O error " + after + ": " + reason(e);
    }

    private static String salvaged(ReadSession session) {
        return "(after " + Texts.count(session.completedRecords(), "record") + ")";
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    @Override
    public String toString() {
        return "LogReader[badRecords=" + badRecords + ", maxExcerptChars=" + maxExcerptChars + "]";
    }
}
