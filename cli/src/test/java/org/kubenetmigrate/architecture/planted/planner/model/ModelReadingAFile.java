package org.kubenetmigrate.architecture.planted.planner.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Planted: a domain record that reads a file. */
public record ModelReadingAFile(String name) {
    public static ModelReadingAFile load(Path file) throws IOException {
        return new ModelReadingAFile(Files.readString(file));
    }
}
