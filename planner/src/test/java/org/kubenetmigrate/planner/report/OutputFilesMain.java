package org.kubenetmigrate.planner.report;

/** Writes one output file in a process of its own, so that a test can run it as another user. */
public final class OutputFilesMain {
    private OutputFilesMain() {
    }

    public static void main(String[] args) {
        try {
            OutputFiles.writeOutput(java.nio.file.Path.of(args[0]), "written as an ordinary user\n");
            System.out.println("ok");
        } catch (java.io.IOException e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
