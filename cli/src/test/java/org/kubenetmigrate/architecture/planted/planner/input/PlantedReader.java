package org.kubenetmigrate.architecture.planted.planner.input;

/** Not a violation by itself: the input reader the planted rule reaches for. */
public final class PlantedReader {
    public String read() {
        return "{}";
    }
}
