package org.kubenetmigrate.architecture.planted.executor.steps;

import org.kubenetmigrate.architecture.planted.cli.PlantedCommand;

/** Planted: the executor reaching up into the CLI. */
public final class StepPrintingTheCliUsage {
    public String usage() {
        return PlantedCommand.usage(); // a call, not a constant: javac inlines constants
    }
}
