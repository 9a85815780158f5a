package org.kubenetmigrate.planner.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The elements of one array file parsed on a thread of their own while the caller maps the ones before: a single large
 * export (a whole fleet in one {@code az graph query} result) is otherwise read on one core while the others wait.
 * The caller sees exactly what {@link InputFiles.ArrayElements} gives, in the same order, and a problem where the
 * sequential read would have met it: the parser's error after every element before it, so a mapping error earlier in
 * the file still wins. {@link #close} stops and joins the thread, so none outlives the read.
 */
final class ElementsAhead implements InputFiles.Elements {
    /** Enough to keep both threads busy; a few MB of trees at most. */
    private static final int CAPACITY = 256;
    private static final Object END = new Object();

    private final String file;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private volatile boolean closed;
    private boolean ended;

    private ElementsAhead(String file, InputFiles.Elements elements) {
        this.file = file;
        this.thread = new Thread(() -> parse(elements), "kubenet-migrate-parse");
        thread.setDaemon(true);
    }

    /** Starts parsing {@code elements} ahead; the returned elements own them (closing them when done). */
    static ElementsAhead start(String file, InputFiles.Elements elements) {
        ElementsAhead ahead = new ElementsAhead(file, elements);
        ahead.thread.start();
        return ahead;
    }

    private void parse(InputFiles.Elements elements) {
        try (elements) {
            JsonNode next;
            do {
                next = elements.next();
                if (!put(next == null ? END : next)) {
                    return;
                }
            } while (next != null);
        } catch (InputException | RuntimeException | Error e) {
            put(e);
        }
    }

    /** False when the reader stopped reading (closed), so parsing further is pointless. */
    private boolean put(Object item) {
        try {
            while (!closed) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public JsonNode next() throws InputException {
        if (ended) {
            return null;
        }
        Object item = take();
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof InputException e) {
            ended = true;
            throw e;
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        return (JsonNode) item;
    }

    private Object take() throws InputException {
        try {
            while (true) {
                Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                // Guard against a thread that died without a word (it always ends with an item or an error).
                if (!thread.isAlive() && queue.isEmpty()) {
                    throw new IllegalStateException("the parsing thread for " + file + " ended without a result");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(file, "", "reading was interrupted");
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
