package org.kubenetmigrate.planner.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kubenetmigrate.planner.model.Fleet;

/** Locating the JSON fixtures under {@code src/test/resources/input} and writing small ad-hoc ones. */
final class Fixtures {
    private Fixtures() {
    }

    /** A fixture file by its path below {@code input/}, e.g. {@code shapes/arm-managed-cluster.json}. */
    static Path fixture(String relative) {
        URL url = Fixtures.class.getResource("/input/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture input/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Fleet read(Path... paths) throws InputException {
        return new FleetReader().read(List.of(paths));
    }

    static Fleet readFixtures(String... relative) throws InputException {
        return new FleetReader().read(java.util.Arrays.stream(relative).map(Fixtures::fixture).toList());
    }

    static Path write(Path dir, String relative, String json) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path copy(String fixture, Path dir, String relative) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.copy(fixture(fixture), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
