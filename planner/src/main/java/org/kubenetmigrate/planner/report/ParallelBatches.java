package org.kubenetmigrate.planner.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;

/**
 * The per-cluster part of a report, turned into bytes on all cores a batch at a time (so that memory holds one
 * batch of output, never the whole) and written in the clusters' order.
 */
final class ParallelBatches {
    /** Large enough that the cores stay busy, small enough that a batch of output is a few megabytes at most. */
    static final int SIZE = 512;
    static final byte[] NONE = {};

    private ParallelBatches() {
    }

    /**
     * @param render each item's bytes; called on several threads at once, so it must only read shared state
     * @param first written before the first item (if any)
     * @param between written between two items
     */
    static <T> void write(List<T> items, Function<? super T, byte[]> render, byte[] first, byte[] between,
                          OutputStream out) throws IOException {
        for (int from = 0; from < items.size(); from += SIZE) {
            List<byte[]> batch = items.subList(from, Math.min(items.size(), from + SIZE)).parallelStream()
                    .map(render).toList();
            for (int i = 0; i < batch.size(); i++) {
                out.write(from + i == 0 ? first : between);
                out.write(batch.get(i));
            }
        }
    }
}
