package dev.cadet.parsers.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link Decoder} hands out and takes back. */
class DecoderTest {

    @Test
    void aHeadEndsAtItsLimitAndNeverDecompressesFurther() throws IOException {
        byte[] text = digits(400_000);
        CountingStream raw = new CountingStream(gzip(text));

        Decoder.Decoded head = Decoder.open(raw, GzipLimits.DEFAULT, 1_000);

        assertThat(head.length()).isEqualTo(1_000);
        assertThat(new String(head.prefix(), 0, 1_000, StandardCharsets.US_ASCII))
                .isEqualTo(new String(text, 0, 1_000, StandardCharsets.US_ASCII));
        assertThat(head.body().readAllBytes()).hasSize(1_000);
        assertThat(raw.taken).isLessThan(gzip(text).length);
        Decoder.release(head);
    }

    @Test
    void releaseFreesTheDecompressorOfAnInputReadOnlyInPartAndLeavesTheRawInputOpen() throws IOException {
        byte[] text = digits(400_000);
        CountingStream raw = new CountingStream(gzip(text));
        Decoder.Decoded decoded = Decoder.open(raw, GzipLimits.DEFAULT);
        assertThat(decoded.length()).isEqualTo(Decoder.SNIFF_BYTES);

        Decoder.release(decoded);

        // The inflater is gone: reading on past the prefix cannot decompress any more.
        InputStream body = decoded.body();
        body.skipNBytes(Decoder.SNIFF_BYTES);
        assertThatThrownBy(body::read).isInstanceOf(NullPointerException.class);
        assertThat(raw.closed).isFalse();
    }

    @Test
    void aReleasedPrefixServesTheThreadsNextInputWithNothingOfTheLastOne() throws IOException {
        Decoder.Decoded first = Decoder.open(new ByteArrayInputStream("a".repeat(200_000).getBytes(StandardCharsets.US_ASCII)));
        Decoder.release(first);

        Decoder.Decoded second = Decoder.open(new ByteArrayInputStream("[1]".getBytes(StandardCharsets.US_ASCII)));

        assertThat(second.prefix()).isSameAs(first.prefix());
        assertThat(second.length()).isEqualTo(3);
        assertThat(second.body().readAllBytes()).isEqualTo("[1]".getBytes(StandardCharsets.US_ASCII));
        Decoder.release(second);
    }

    /** Text that compresses only about twofold, so that its gzip data is far longer than a read of it. */
    private static byte[] digits(int n) {
        java.util.Random random = new java.util.Random(1651);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('0' + random.nextInt(10));
        }
        return b;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** Counts the bytes taken and whether it was closed. */
    private static final class CountingStream extends ByteArrayInputStream {
        int taken;
        boolean closed;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            taken += Math.max(n, 0);
            return n;
        }

        @Override
        public synchronized int read() {
            int b = super.read();
            taken += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
