package org.kubenetmigrate.planner.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, found from the module directory the tests run in. */
public final class Repository {
    private Repository() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root (mvnw) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
