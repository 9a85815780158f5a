package org.kubenetmigrate.planner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8OutputTest {
    private static final String EMOJI = new String(Character.toChars(0x1F600));
    private static final char HIGH = '\uD83D';
    private static final char LOW = '\uDE00';

    @Test
    void encodesTextAsUtf8() throws IOException {
        assertThat(written(out -> out.write("plain, é, — and " + EMOJI)))
                .isEqualTo(("plain, é, — and " + EMOJI).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void joinsASurrogatePairSplitAcrossWrites() throws IOException {
        assertThat(written(out -> {
            out.write("a" + HIGH);
            out.write(LOW + "b");
        })).isEqualTo(("a" + EMOJI + "b").getBytes(StandardCharsets.UTF_8));
        assertThat(written(out -> {
            out.write(HIGH);
            out.write(new char[] {LOW, 'c'}, 0, 2);
        })).isEqualTo((EMOJI + "c").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesAQuestionMarkForASurrogateWithoutItsPartnerAsTheJdkEncoderDoes() throws IOException {
        assertThat(written(out -> out.write("x" + LOW + "y"))).isEqualTo("x?y".getBytes(StandardCharsets.US_ASCII));
        assertThat(written(out -> {
            out.write("x" + HIGH);
            out.write("y");
        })).isEqualTo("x?y".getBytes(StandardCharsets.US_ASCII));
        assertThat(written(out -> out.write("end" + HIGH))).isEqualTo("end?".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void keepsBytesAndTextInTheOrderWritten() throws IOException {
        byte[] big = "0123456789".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        byte[] written = written(out -> {
            out.write("head ");
            out.bytes().write("é".getBytes(StandardCharsets.UTF_8));
            out.write(" middle ");
            out.bytes().write(big);
            out.write(" tail");
        });
        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo("head é middle " + "0123456789".repeat(10_000) + " tail");
    }

    @Test
    void writesTheSameBytesAsAnOutputStreamWriterForAnyTextInAnyPieces() throws IOException {
        Random random = new Random(42);
        char[] alphabet = {'a', 'Z', ' ', '"', '\n', 'é', 'ß', '—', '€', '\u2028', HIGH, LOW, '\uD800', '\uDFFF'};
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(200);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            try (Writer jdk = new OutputStreamWriter(expected, StandardCharsets.UTF_8);
                 Utf8Output ours = new Utf8Output(actual)) {
                int at = 0;
                while (at < text.length()) {
                    int end = Math.min(text.length(), at + 1 + random.nextInt(12));
                    String piece = text.substring(at, end);
                    switch (random.nextInt(3)) {
                        case 0 -> {
                            jdk.write(piece);
                            ours.write(piece);
                        }
                        case 1 -> {
                            jdk.write(piece.toCharArray());
                            ours.write(piece.toCharArray());
                        }
                        default -> {
                            jdk.write(piece.charAt(0));
                            ours.write(piece.charAt(0));
                            end = at + 1;
                        }
                    }
                    at = end;
                }
            }
            assertThat(actual.toByteArray()).as("text %s", text).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void decodesIntoAnyOtherWriterCharactersSplitAcrossBufferBoundaries() throws IOException {
        String text = ("ab" + EMOJI + "é—").repeat(20_000);
        StringWriter target = new StringWriter();
        Utf8Output.writeTo(target, out -> {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            // Odd-sized pieces, so that multi-byte characters straddle every kind of boundary.
            for (int at = 0; at < utf8.length; at += 4099) {
                out.bytes().write(utf8, at, Math.min(4099, utf8.length - at));
            }
            out.write("!");
        });
        assertThat(target.toString()).isEqualTo(text + "!");
    }

    @Test
    void writesStraightIntoAUtf8OutputItIsGiven() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Output out = new Utf8Output(bytes);
        Utf8Output[] seen = new Utf8Output[1];
        Utf8Output.writeTo(out, given -> seen[0] = given);
        assertThat(seen[0]).isSameAs(out);
    }

    private static byte[] written(Utf8Output.Writing writing) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Utf8Output out = new Utf8Output(bytes)) {
            writing.to(out);
        }
        return bytes.toByteArray();
    }
}
