package org.kubenetmigrate.planner.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A buffered writer of UTF-8 text that also takes bytes already encoded ({@link #bytes()}), so that a renderer whose
 * JSON generator writes UTF-8 passes it through instead of decoding and encoding it again.
 *
 * <p>Why not {@code OutputStreamWriter}: a report is tens of megabytes of mostly ASCII strings, which the JDK stores
 * one byte a character; a character writer widens each string to {@code char}s and encodes them back one by one,
 * which took a fifth of a report's time. Here a string is encoded whole by {@link String#getBytes}. Output is the
 * same: a character without its surrogate partner (a {@code \ud800} escape in the input) becomes {@code ?}, as the
 * JDK's encoder makes it, and a pair split across two writes is joined.
 */
public final class Utf8Output extends Writer {
    private static final int SIZE = 1 << 16;
    /** What the JDK's encoder writes for a surrogate without its partner. */
    private static final byte[] UNPAIRED = {'?'};
    private final OutputStream out;
    private final byte[] buffer = new byte[SIZE];
    private int count;
    /** A high surrogate that ended the last write, waiting for its partner; 0 when none. */
    private char pendingHigh;
    private final OutputStream bytes = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            writeBytes(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writeBytes(b, off, len);
        }

        /** A generator's flush only hands its buffer on; the output as a whole is flushed by its owner. */
        @Override
        public void flush() {
        }
    };

    public Utf8Output(OutputStream out) {
        this.out = out;
    }

    /** Something that writes text, or UTF-8 through {@link #bytes()}, to a {@link Utf8Output}. */
    @FunctionalInterface
    public interface Writing {
        void to(Utf8Output out) throws IOException;
    }

    /**
     * Runs {@code writing} on {@code out} itself when it is a {@link Utf8Output} (the CLI's stdout and files), or else
     * on one whose bytes are decoded into {@code out} as they come (a {@code StringWriter} in tests), flushed at the
     * end.
     */
    public static void writeTo(Writer out, Writing writing) throws IOException {
        if (out instanceof Utf8Output utf8) {
            writing.to(utf8);
            return;
        }
        Utf8Output utf8 = new Utf8Output(new Decoding(out));
        writing.to(utf8);
        utf8.flush();
    }

    /** UTF-8 bytes written here go out in order with the text; they must be whole characters. */
    public OutputStream bytes() {
        return bytes;
    }

    @Override
    public void write(String text) throws IOException {
        write(text, 0, text.length());
    }

    @Override
    public void write(String text, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        int from = off;
        int end = off + len;
        if (pendingHigh != 0) {
            joinPending(text.charAt(from));
            from += Character.isLowSurrogate(text.charAt(from)) ? 1 : 0;
        }
        boolean endsHigh = from < end && Character.isHighSurrogate(text.charAt(end - 1));
        if (endsHigh) {
            end--;
        }
        if (from < end) {
            String part = from == 0 && end == text.length() ? text : text.substring(from, end);
            byte[] encoded = part.getBytes(StandardCharsets.UTF_8);
            writeBytes(encoded, 0, encoded.length);
        }
        if (endsHigh) {
            pendingHigh = text.charAt(end);
        }
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(chars[i]);
        }
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (pendingHigh != 0) {
            joinPending(ch);
            if (Character.isLowSurrogate(ch)) {
                return;
            }
        }
        if (ch < 0x80) {
            if (count == SIZE) {
                drain();
            }
            buffer[count++] = (byte) ch;
        } else if (Character.isHighSurrogate(ch)) {
            pendingHigh = ch;
        } else {
            byte[] encoded = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
            writeBytes(encoded, 0, encoded.length);
        }
    }

    /** The pending high surrogate with {@code next}: the pair's four bytes, or {@code ?} when next is no partner. */
    private void joinPending(char next) throws IOException {
        byte[] encoded = (Character.isLowSurrogate(next) ? new String(new char[] {pendingHigh, next}) : "?")
                .getBytes(StandardCharsets.UTF_8);
        pendingHigh = 0;
        writeBytes(encoded, 0, encoded.length);
    }

    private void writeBytes(byte[] b, int off, int len) throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            writeBytes(UNPAIRED, 0, 1);
        }
        if (len > SIZE - count) {
            drain();
            if (len >= SIZE) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buffer, count, len);
        count += len;
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            count = 0;
        }
    }

    /** Writes what is buffered (a high surrogate waits for its partner) and flushes the stream. */
    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            writeBytes(UNPAIRED, 0, 1);
        }
        flush();
        out.close();
    }

    /** UTF-8 decoded into a writer as it comes; a character split across writes is kept until its last byte. */
    private static final class Decoding extends OutputStream {
        private final Writer out;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final ByteBuffer in = ByteBuffer.allocate(1 << 13);
        private final CharBuffer chars = CharBuffer.allocate(1 << 13);

        Decoding(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int from = off;
            int left = len;
            while (left > 0) {
                int n = Math.min(left, in.remaining());
                in.put(b, from, n);
                from += n;
                left -= n;
                in.flip();
                CoderResult result;
                do {
                    result = decoder.decode(in, chars, false);
                    out.write(chars.array(), 0, chars.position());
                    chars.clear();
                } while (result.isOverflow());
                in.compact();
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
