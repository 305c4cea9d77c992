package dev.cadet.parsers.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.ref.SoftReference;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The decoded content of one input, read either as one stream of JSON tokens, as lines, or as text (CSV),
 * plus the means to quote the raw text of a record that is rejected.
 */
public final class JsonInput implements AutoCloseable {

    /** The most an input held in memory may take; CloudTrail delivers files of a few MB. */
    public static final int MAX_HELD_BYTES = 32 << 20;
    /** The read buffer a thread keeps between inputs; a larger one is kept only as long as memory allows. */
    private static final int KEPT_BUFFER_BYTES = 16 << 20;
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1 << 16]);
    /** A thread's buffer for larger inputs, kept softly: otherwise each would allocate and zero one again. */
    private static final ThreadLocal<SoftReference<byte[]>> LARGE_BUFFER =
            ThreadLocal.withInitial(() -> new SoftReference<>(null));

    private final int captureBytes;
    private final int maxHeldBytes;
    private final boolean head;
    private InputStream body;
    private CaptureInputStream capture;
    private JsonParser parser;

    /** The whole content, followed by a zero byte at {@code bytes[length]} and the padding a {@link ByteCursor} needs. */
    public record Held(byte[] bytes, int length) {
    }

    /** @param maxHeldBytes the largest content {@link #hold()} keeps in memory, at most {@value #MAX_HELD_BYTES} */
    public JsonInput(InputStream body, int excerptChars, int maxHeldBytes) {
        this(body, excerptChars, maxHeldBytes, false);
    }

    /**
     * @param head whether the content is only the head of an input, cut wherever a byte count fell: readers
     *             may stop at the first record they cannot finish instead of saying what is wrong there
     */
    public JsonInput(InputStream body, int excerptChars, int maxHeldBytes, boolean head) {
        this.head = head;
        this.maxHeldBytes = Math.min(maxHeldBytes, MAX_HELD_BYTES);
        // Three bytes per character covers any UTF-8 text of that many characters.
        this.captureBytes = (int) Math.min(3L * excerptChars, 16L * 1024 * 1024);
        seat(body);
    }

    private void seat(InputStream content) {
        body = content;
        capture = null;
    }

    /**
     * The content through the window that quotes rejected records, made when the token stream is: an input
     * held in memory and read by a {@link ByteCursor} never needs one, and each costs a buffer of 64 KB or more.
     */
    private CaptureInputStream capture() {
        if (capture == null) {
            capture = new CaptureInputStream(body, captureBytes);
        }
        return capture;
    }

    /** Whether the content is only the head of an input (see the constructor). */
    public boolean head() {
        return head;
    }

    /** How many bytes of a record a rejection quotes at most. */
    int captureBytes() {
        return captureBytes;
    }

    /**
     * The whole content in memory, when it is at most the bytes given at construction and reads without error;
     * otherwise {@code null}. Either way the content is still there to read from its start, with a read error
     * met where it happened. The bytes belong to this thread's buffer: use them before the next input. Call
     * before anything else reads the content.
     */
    public Held hold() {
        if (parser != null) {
            throw new IllegalStateException("the content is already being read");
        }
        if (maxHeldBytes == 0) {
            return null;
        }
        byte[] buf = BUFFER.get();
        int n = 0;
        IOException failure = null;
        boolean complete = false;
        try {
            while (n <= maxHeldBytes) {
                if (n == buf.length - ByteCursor.PADDING) {
                    // The next input that is as large grows from here, not again from the smallest size.
                    keep(buf);
                    buf = grow(buf, (int) Math.min(2L * buf.length, maxHeldBytes + 1L + ByteCursor.PADDING));
                }
                int r = body.read(buf, n, buf.length - ByteCursor.PADDING - n);
                if (r < 0) {
                    complete = true;
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            failure = e;
        }
        keep(buf);
        if (!complete || n > maxHeldBytes) {
            seat(new PrefixedInputStream(buf, 0, n, body, failure));
            return null;
        }
        buf[n] = 0;
        seat(new ByteArrayInputStream(buf, 0, n));
        return new Held(buf, n);
    }

    /** Keeps {@code buf} as the thread's buffer when it is within the kept size. */
    private static void keep(byte[] buf) {
        if (buf.length <= KEPT_BUFFER_BYTES) {
            BUFFER.set(buf);
        }
    }

    /** {@code buf} copied into a buffer of {@code size} bytes, beyond the kept size the thread's large one. */
    private static byte[] grow(byte[] buf, int size) {
        if (size <= KEPT_BUFFER_BYTES) {
            return Arrays.copyOf(buf, size);
        }
        byte[] large = LARGE_BUFFER.get().get();
        if (large == null || large.length < size || large == buf) {
            large = new byte[size];
            LARGE_BUFFER.set(new SoftReference<>(large));
        }
        System.arraycopy(buf, 0, large, 0, buf.length);
        return large;
    }

    /** The token stream over the whole content; created once. */
    public JsonParser parser() {
        if (parser == null) {
            parser = Json.parser(capture());
        }
        return parser;
    }

    /** Where the token stream is now, or {@code null} before it was created. */
    public TokenStreamLocation location() {
        return parser == null ? null : parser.currentLocation();
    }

    /** The content split into lines, for JSON Lines; use either this or {@link #parser()}, not both. */
    LineSplitter lines() {
        return new LineSplitter(body);
    }

    /**
     * The content as UTF-8 text, for inputs that are not JSON; use either this or {@link #parser()} or
     * {@link #lines()}. Bytes that are not UTF-8 become replacement characters rather than stopping the read.
     */
    public Reader text() {
        return new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** Marks the byte offset of the record about to be read, so that it can still be quoted if rejected. */
    void pin(long byteOffset) {
        capture().pin(byteOffset);
    }

    /** Raw text of the record at {@code [start, end)}, capped, or {@code null} when no longer available. */
    String excerpt(long start, long end) {
        return capture == null ? null : capture.excerpt(start, end);
    }

    @Override
    public void close() {
        if (parser != null) {
            parser.close();
        }
    }
}
