package org.kubenetmigrate.planner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelBatchesTest {

    @Test
    void writesEveryItemInItsOrderAcrossBatchesWithTheSeparators() throws IOException {
        List<Integer> items = IntStream.range(0, ParallelBatches.SIZE * 3 + 7).boxed().toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ParallelBatches.write(items, i -> ("item" + i).getBytes(StandardCharsets.UTF_8),
                "[".getBytes(StandardCharsets.UTF_8), ", ".getBytes(StandardCharsets.UTF_8), out);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("[" + items.stream().map(i -> "item" + i).collect(Collectors.joining(", ")));
    }

    @Test
    void writesNothingForNoItems() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ParallelBatches.write(List.<Integer>of(), i -> new byte[] {1}, new byte[] {2}, new byte[] {3}, out);

        assertThat(out.toByteArray()).isEmpty();
    }
}
