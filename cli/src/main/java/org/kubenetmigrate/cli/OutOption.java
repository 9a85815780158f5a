package org.kubenetmigrate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out FILE}: where a command's output goes instead of stdout, written as {@code Main.emit} says. */
final class OutOption {
    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the output to FILE instead of stdout: a file atomically (keeping its permissions; a"
                    + " new one gets the umask's), a symbolic link's target likewise, a device, named pipe or"
                    + " /dev/fd/N written through. Its directory must exist.")
    Path file;
}
