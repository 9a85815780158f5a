package org.kubenetmigrate.planner.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finding the input files and parsing them, with every failure turned into a one-line {@link InputException}. */
final class InputFiles {
    // Rejecting trailing content catches files built by appending several az outputs with '>>'.
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private InputFiles() {
    }

    /**
     * The files to read: each path itself when it is a file, the {@code .json} files under it when it is a directory.
     * The result is sorted by path and free of repeats so that "first occurrence wins" is deterministic.
     */
    static List<Path> collect(List<Path> paths) throws InputException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new InputException(path.toString(), "", "no such file or directory");
            }
            if (Files.isDirectory(path)) {
                files.addAll(jsonFilesUnder(path));
            } else {
                files.add(path);
            }
        }
        Set<Path> seen = new HashSet<>();
        List<Path> unique = files.stream()
                .sorted(Comparator.comparing(Path::normalize))
                .filter(f -> seen.add(f.toAbsolutePath().normalize()))
                .toList();
        if (unique.isEmpty()) {
            String given = paths.stream().map(Path::toString).collect(Collectors.joining(", "));
            throw new InputException(given, "", "no JSON files found");
        }
        return unique;
    }

    private static List<Path> jsonFilesUnder(Path directory) throws InputException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw new InputException(directory.toString(), "", describe(e), e);
        } catch (UncheckedIOException e) {
            // Files.walk reports problems met below the top directory (an unreadable subdirectory) this way.
            throw new InputException(directory.toString(), "", describe(e.getCause()), e.getCause());
        }
    }

    /** The file's JSON tree. Bytes go to Jackson unchanged so it can honour a BOM or UTF-16 (PowerShell redirects). */
    static JsonNode parse(Path file) throws InputException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new InputException(file.toString(), "", "not valid JSON: " + jacksonReason(e), e);
        } catch (IOException e) {
            throw new InputException(file.toString(), "", describe(e), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InputException(file.toString(), "", "not valid JSON: the file is empty");
        }
        return root;
    }

    /** The elements of an array, one at a time. */
    interface Elements extends AutoCloseable {
        /** The next element, or null after the last. */
        JsonNode next() throws InputException;

        @Override
        void close();
    }

    /**
     * The elements of a file whose document is a bare array ({@code az aks list}, {@code az graph query} rows), one
     * tree at a time, so that an export of tens of thousands of resources never becomes one tree in memory. Errors
     * read as {@link #parse}'s do. Only these elements are built by {@link ResourceTree}: elsewhere (a document
     * that is one resource, a list, a snapshot) a tree may be more than a resource.
     */
    static final class ArrayElements implements Elements {
        private final Path file;
        private final JsonParser parser;

        private ArrayElements(Path file, JsonParser parser) {
            this.file = file;
            this.parser = parser;
        }

        /** The file's elements, or null when its document is not an array (nothing is reported: parse it instead). */
        static ArrayElements open(Path file) throws InputException {
            JsonParser parser = null;
            try {
                // From bytes, as parse() does, so that Jackson detects a BOM or UTF-16.
                parser = MAPPER.createParser(Files.newInputStream(file));
                if (parser.nextToken() == JsonToken.START_ARRAY) {
                    return new ArrayElements(file, parser);
                }
            } catch (JsonProcessingException e) {
                // Not even a first token: parse() says why, in its words.
            } catch (IOException e) {
                throw new InputException(file.toString(), "", describe(e), e);
            }
            closeQuietly(parser);
            return null;
        }

        /** The next element, or null after the last (when nothing but whitespace may follow the array). */
        @Override
        public JsonNode next() throws InputException {
            try {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    JsonToken trailing = parser.nextToken();
                    if (trailing != null) {
                        JsonLocation at = parser.currentTokenLocation();
                        throw new InputException(file.toString(), "", "not valid JSON: Trailing token (of type "
                                + trailing + ") found after value at line " + at.getLineNr() + ", column "
                                + at.getColumnNr());
                    }
                    return null;
                }
                // Each element is a resource: built without the parts no reader reads (see ResourceTree).
                return ResourceTree.read(parser);
            } catch (JsonProcessingException e) {
                throw new InputException(file.toString(), "", "not valid JSON: " + jacksonReason(e), e);
            } catch (IOException e) {
                throw new InputException(file.toString(), "", describe(e), e);
            }
        }

        @Override
        public void close() {
            closeQuietly(parser);
        }

        private static void closeQuietly(JsonParser parser) {
            try {
                if (parser != null) {
                    parser.close();
                }
            } catch (IOException e) {
                // Read-only file: nothing was written that closing could lose.
            }
        }
    }

    /** Jackson's own reason without its "[Source: ...]" and data-binding noise, plus where it stopped. */
    static String jacksonReason(JsonProcessingException e) {
        String reason = String.valueOf(e.getOriginalMessage())
                .replaceAll("(?s)\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
                .replaceAll("(?s)\\s*\\(bound as .*$", "")
                .replaceAll("(?s)\\s*at \\[Source:.*$", "")
                .replaceAll("\\s+", " ")
                .trim();
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return reason;
        }
        return reason + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** An IOException as a problem text; some (NoSuchFile, AccessDenied) carry only the path as their message. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : "cannot read: " + message;
    }
}
