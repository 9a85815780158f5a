package org.kubenetmigrate.architecture.planted.cli;

/** Not a violation by itself: the CLI class the planted executor step reaches for. */
public final class PlantedCommand {
    private PlantedCommand() {
    }

    public static String usage() {
        return "usage: planted";
    }
}
