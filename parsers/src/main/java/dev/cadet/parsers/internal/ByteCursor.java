package dev.cadet.parsers.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A {@link RecordCursor} straight over bytes held in memory, for the plain records that make up nearly all of
 * a log: ASCII, strict JSON. Values nobody reads are checked and stepped over without being tokenized into
 * objects, and repeating values come from {@link AsciiStrings} by their bytes, so a record costs less than
 * Jackson's token-only pass over it. Anything else (non-ASCII bytes, an escape in a value that is read, the
 * leniencies {@link Json} allows, a limit, an error) throws {@link Irregular} before any verdict on the
 * record: the caller then reads that record with Jackson, which gives the one answer either way.
 *
 * <p>Tracks lines as Jackson does ({@code \n}, {@code \r\n} and {@code \r} each end one), so that origins
 * match. One per thread ({@link #forThisThread()}); the bytes must be followed by a zero byte and padding.
 */
public final class ByteCursor implements RecordCursor {

    /** The record is not one this cursor reads; read it with Jackson. Control flow, without a stack trace. */
    public static final class Irregular extends RuntimeException {
        private Irregular() {
            super("not a plain record", null, false, false);
        }
    }

    private static final Irregular IRREGULAR = new Irregular();
    /** Well under Jackson's nesting limit, so that its verdict on deeper input is the one given. */
    private static final int MAX_DEPTH = 256;
    /** Well under Jackson's number length limit, likewise. */
    private static final int MAX_NUMBER_CHARS = 200;
    /** Well under Jackson's name and string length limits, likewise. */
    private static final int MAX_STRING_BYTES = 1 << 16;
    /** Bytes a reader may look at after the end of the input, the zero byte included. */
    public static final int PADDING = 8;
    /** Times a word whose only set bit is bit 8k, leaves k in the top byte. */
    private static final long BYTE_INDEX = 0x0001020304050607L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;
    private static final ThreadLocal<ByteCursor> PER_THREAD = ThreadLocal.withInitial(ByteCursor::new);

    private final AsciiStrings names = new AsciiStrings(8, 9, true);
    // 16,384 direct-mapped slots for short values (about 400 KB per thread): a delivery corpus has thousands of
    // source addresses, and with 4,096 slots they kept pushing each other out.
    private final AsciiStrings values = new AsciiStrings(14, 14, false);
    private final boolean[] inArray = new boolean[MAX_DEPTH + 1];
    private final boolean[] atFirst = new boolean[MAX_DEPTH + 1];

    private byte[] buf;
    private int pos;
    private int end;
    private long line;
    private int lineStart;
    private int depth;
    private boolean afterName;
    private JsonToken token;
    /** The first byte of the current value (a string's opening quote), its line and the depth it is at. */
    private int tokenStart;
    private long tokenLine;
    private int tokenLineStart;
    private int tokenDepth;
    private int markStart;
    private long markLine;
    private int markLineStart;
    private int markDepth;
    /** A scalar's bytes, without a string's quotes. */
    private int scalarStart;
    private int scalarEnd;
    private boolean escaped;

    private ByteCursor() {
    }

    /** The cursor of the calling thread; use it on that thread only. */
    public static ByteCursor forThisThread() {
        return PER_THREAD.get();
    }

    /**
     * Reads {@code bytes[0, length)} from the start; {@code bytes[length]} must be zero and {@link #PADDING} bytes
     * from {@code length} must exist.
     */
    public ByteCursor reset(byte[] bytes, int length) {
        if (bytes.length < length + PADDING || bytes[length] != 0) {
            throw new IllegalArgumentException("the bytes must be followed by a zero byte and padding");
        }
        buf = bytes;
        end = length;
        pos = 0;
        line = 1;
        lineStart = 0;
        depth = 0;
        afterName = false;
        token = null;
        return this;
    }

    /** The offset of the next byte to read. */
    public int position() {
        return pos;
    }

    /** The offset where the current value starts. */
    public int tokenStart() {
        return tokenStart;
    }

    /** The line of the current value, 1-based. */
    public long tokenLine() {
        return tokenLine;
    }

    /** The column of the current value's first byte, 1-based, in bytes as Jackson counts them. */
    public long tokenColumn() {
        return tokenStart - tokenLineStart + 1L;
    }

    /** Remembers the current value, so that reading can go on after it once it was read some other way. */
    public void markValue() {
        markStart = tokenStart;
        markLine = tokenLine;
        markLineStart = tokenLineStart;
        markDepth = tokenDepth;
    }

    /**
     * Goes on at {@code offset}, after the marked value, which was read some other way; line breaks in it are
     * counted.
     */
    public void resumeAfterMarked(int offset) {
        line = markLine;
        lineStart = markLineStart;
        for (int i = markStart; i < offset; i++) {
            byte b = buf[i];
            if (b == '\n' || (b == '\r' && buf[i + 1] != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        depth = markDepth;
        pos = offset;
        afterName = false;
        token = null;
    }

    @Override
    public String nextName() {
        return name(true) ? names.get(buf, scalarStart, scalarEnd - scalarStart) : null;
    }

    @Override
    public JsonToken nextToken() {
        int b = skipSpace();
        if (afterName) {
            afterName = false;
        } else if (depth > 0) {
            if (!inArray[depth]) {
                throw new IllegalStateException("in an object: read the property name first");
            }
            if (b == ']') {
                return close(JsonToken.END_ARRAY);
            }
            b = pastSeparator(b);
        } else if (b < 0) {
            return token = null;
        }
        return token = value(b);
    }

    @Override
    public void skipChildren() {
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return;
        }
        int outer = depth - 1;
        while (depth > outer) {
            if (inArray[depth]) {
                nextToken();
            } else if (name(false)) {
                nextToken();
            }
        }
        // The closing token of what was skipped, as Jackson leaves it.
        token = buf[pos - 1] == '}' ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
    }

    @Override
    public String shared(JsonToken t) {
        if (t == JsonToken.VALUE_STRING) {
            int length = plainLength();
            return length == 0 ? null : values.get(buf, scalarStart, length);
        }
        return nonString(t);
    }

    @Override
    public String text(JsonToken t) {
        if (t == JsonToken.VALUE_STRING) {
            int length = plainLength();
            return length == 0 ? null : new String(buf, scalarStart, length, StandardCharsets.ISO_8859_1);
        }
        return nonString(t);
    }

    @Override
    public void copyString(CharSlice into) {
        into.setAscii(buf, scalarStart, plainLength());
    }

    @Override
    public void walk(JsonToken t, Set<String> members, JsonFields.Walker walker) {
        if (t != JsonToken.START_OBJECT) {
            skipChildren();
            return;
        }
        int start = tokenStart;
        boolean wanted = false;
        String name;
        while ((name = nextName()) != null) {
            wanted |= members.contains(name);
            nextToken();
            skipChildren();
        }
        if (!wanted) {
            return;
        }
        // Rare (the records that change something): the checked bytes go to the walker as Jackson tokens.
        try (JsonParser p = Json.parser(buf, start, pos - start)) {
            walker.walk(p, p.nextToken());
        } catch (JacksonException e) {
            throw IRREGULAR;
        }
    }

    @Override
    public <T> T once(JsonToken t, ByteMemo<T> memo, BiFunction<RecordCursor, JsonToken, T> reader) {
        if (t != JsonToken.START_OBJECT) {
            return reader.apply(this, t);
        }
        int start = tokenStart;
        long startLine = tokenLine;
        int startLineStart = tokenLineStart;
        int startDepth = tokenDepth;
        int seen = memo.startingAt(buf, start, end - start);
        if (seen >= 0) {
            // The same bytes as an object read before, so the same object: valid, on one line (only such are kept
            // by their start), and over without a walk.
            pos = start + memo.startLength(seen);
            depth = startDepth;
            token = JsonToken.END_OBJECT;
            return memo.startValue(seen);
        }
        skipChildren();
        T known = memo.get(buf, start, pos - start);
        if (known != null) {
            return known;
        }
        int stop = pos;
        // Read once more, from the opening brace, this time by the reader.
        pos = start;
        line = startLine;
        lineStart = startLineStart;
        depth = startDepth;
        afterName = true;
        T value = reader.apply(this, nextToken());
        memo.put(buf, start, stop - start, value, !breaksLine(start, stop));
        return value;
    }

    /** Whether {@code buf[from, to)} holds a line break, which the cursor has to count. */
    private boolean breaksLine(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n' || buf[i] == '\r') {
                return true;
            }
        }
        return false;
    }

    private String nonString(JsonToken t) {
        return switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                    new String(buf, scalarStart, scalarEnd - scalarStart, StandardCharsets.ISO_8859_1);
            case START_OBJECT, START_ARRAY -> {
                skipChildren();
                yield null;
            }
            default -> null;
        };
    }

    /** The length of the current string, which must be free of escapes to be read here. */
    private int plainLength() {
        if (escaped) {
            throw IRREGULAR;
        }
        return scalarEnd - scalarStart;
    }

    /**
     * Reads the next property name of the current object into the scalar bounds and the colon after it; false
     * (the object closed) at its end.
     */
    private boolean name(boolean keep) {
        int b = skipSpace();
        if (b == '}') {
            close(JsonToken.END_OBJECT);
            return false;
        }
        b = pastSeparator(b);
        if (b != '"') {
            throw IRREGULAR;
        }
        string();
        if (escaped && keep) {
            throw IRREGULAR;
        }
        if (skipSpace() != ':') {
            throw IRREGULAR;
        }
        pos++;
        afterName = true;
        return true;
    }

    /** Closes the current object or array on its closing byte. */
    private JsonToken close(JsonToken end) {
        pos++;
        depth--;
        return token = end;
    }

    /** Past the comma before the next member or item, {@code b} being the byte there; returns the byte after. */
    private int pastSeparator(int b) {
        if (atFirst[depth]) {
            atFirst[depth] = false;
            return b;
        }
        if (b != ',') {
            throw IRREGULAR;
        }
        pos++;
        return skipSpace();
    }

    private JsonToken value(int b) {
        tokenStart = pos;
        tokenLine = line;
        tokenLineStart = lineStart;
        tokenDepth = depth;
        switch (b) {
            case '"' -> {
                string();
                return JsonToken.VALUE_STRING;
            }
            case '{' -> {
                open(false);
                return JsonToken.START_OBJECT;
            }
            case '[' -> {
                open(true);
                return JsonToken.START_ARRAY;
            }
            case 't' -> {
                return literal("true", JsonToken.VALUE_TRUE);
            }
            case 'f' -> {
                return literal("false", JsonToken.VALUE_FALSE);
            }
            case 'n' -> {
                return literal("null", JsonToken.VALUE_NULL);
            }
            default -> {
                if (b == '-' || (b >= '0' && b <= '9')) {
                    return number();
                }
                throw IRREGULAR;
            }
        }
    }

    private void open(boolean array) {
        if (depth == MAX_DEPTH) {
            throw IRREGULAR;
        }
        depth++;
        inArray[depth] = array;
        atFirst[depth] = true;
        pos++;
    }

    /** A string from its opening quote: its bounds, and whether it holds escapes (checked, not decoded). */
    private void string() {
        byte[] b = buf;
        int i = pos + 1;
        scalarStart = i;
        escaped = false;
        while (true) {
            // Eight bytes at a time up to the first quote, backslash, control byte or non-ASCII byte.
            long w = (long) LONGS.get(b, i);
            long stops = (zeroBytes(w ^ QUOTES) | zeroBytes(w ^ BACKSLASHES) | (w - SPACES) | w) & HIGH_BITS;
            if (stops == 0) {
                i += 8;
                continue;
            }
            // The first byte that stops the scan, from the lowest flagged high bit: a multiply turns the bit at
            // 8k+7 into k (a bit count would be quicker only where the compiler makes it one instruction, which
            // the client compiler does not).
            i += (int) (((stops & -stops) >>> 7) * BYTE_INDEX >>> 56);
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (c < 0x20 || c != '\\' || i + 1 >= end) {
                // Control bytes (the zero after the input among them) and non-ASCII are Jackson's to judge.
                throw IRREGULAR;
            }
            escaped = true;
            i = escape(i + 1);
        }
        if (i - scalarStart > MAX_STRING_BYTES) {
            throw IRREGULAR;
        }
        scalarEnd = i;
        pos = i + 1;
    }

    /** The high bit of each byte of {@code w} that may be zero; exact up to the first zero byte. */
    private static long zeroBytes(long w) {
        return (w - ONES) & ~w;
    }

    /** Checks the escape whose letter is at {@code i}; returns the offset after it. */
    private int escape(int i) {
        switch (buf[i]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return i + 1;
            }
            case 'u' -> {
                for (int k = 1; k <= 4; k++) {
                    if (Character.digit(buf[i + k], 16) < 0) {
                        throw IRREGULAR;
                    }
                }
                return i + 5;
            }
            default -> throw IRREGULAR;
        }
    }

    private JsonToken literal(String word, JsonToken t) {
        int n = word.length();
        for (int k = 0; k < n; k++) {
            if (buf[pos + k] != word.charAt(k)) {
                throw IRREGULAR;
            }
        }
        scalarStart = pos;
        pos += n;
        scalarEnd = pos;
        delimiterFollows();
        return t;
    }

    /** RFC 8259 numbers only: Jackson judges the leniencies and refusals. */
    private JsonToken number() {
        int start = pos;
        int i = pos;
        if (buf[i] == '-') {
            i++;
        }
        if (buf[i] == '0') {
            i++;
        } else {
            i = digits(i);
        }
        boolean integer = true;
        if (buf[i] == '.') {
            integer = false;
            i = digits(i + 1);
        }
        if (buf[i] == 'e' || buf[i] == 'E') {
            integer = false;
            i++;
            if (buf[i] == '+' || buf[i] == '-') {
                i++;
            }
            i = digits(i);
        }
        if (i - start > MAX_NUMBER_CHARS) {
            throw IRREGULAR;
        }
        scalarStart = start;
        scalarEnd = i;
        pos = i;
        delimiterFollows();
        return integer ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** At least one digit from {@code i}; returns the offset after the last. */
    private int digits(int i) {
        int start = i;
        while (buf[i] >= '0' && buf[i] <= '9') {
            i++;
        }
        if (i == start) {
            throw IRREGULAR;
        }
        return i;
    }

    private void delimiterFollows() {
        if (pos == end) {
            return;
        }
        byte c = buf[pos];
        if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            throw IRREGULAR;
        }
    }

    /** Skips whitespace, counting lines; the next byte, or -1 at the end of the input. */
    private int skipSpace() {
        byte[] b = buf;
        int i = pos;
        while (true) {
            byte c = b[i];
            if (c > ' ') {
                pos = i;
                return c;
            }
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '\n') {
                i++;
                line++;
                lineStart = i;
            } else if (c == '\r') {
                i++;
                if (b[i] == '\n') {
                    i++;
                }
                line++;
                lineStart = i;
            } else if (i == end) {
                pos = i;
                return -1;
            } else {
                throw IRREGULAR;
            }
        }
    }
}
