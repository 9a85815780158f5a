package org.kubenetmigrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.planner.input.FleetInput;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.model.Fleet;
import picocli.CommandLine.Option;

/** Where the fleet comes from. */
final class InputOptions {
    @Option(names = "--from", paramLabel = "PATH", required = true,
            description = "Azure JSON to read: a file or a folder (read recursively for *.json). Repeatable."
                    + " Accepts ARM REST bodies, az -o json output and Resource Graph results, in any mix.")
    List<Path> from = new ArrayList<>();

    /** The fleet with where it came from and how old it is, for the report. */
    FleetInput readInput() throws CliException {
        try {
            return new FleetReader().readInput(from);
        } catch (InputException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, e.getMessage());
        }
    }

    Fleet readFleet() throws CliException {
        try {
            return new FleetReader().read(from);
        } catch (InputException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, e.getMessage());
        }
    }
}
