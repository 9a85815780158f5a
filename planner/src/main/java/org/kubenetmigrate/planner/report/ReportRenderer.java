package org.kubenetmigrate.planner.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * One output format of the fleet report. A renderer is a pure function of the {@link FleetReport}: it writes to
 * the writer it is given (the CLI passes stdout or an atomically replaced file) and streams, so that 10,000 clusters
 * never need one giant string.
 */
public interface ReportRenderer {

    void render(FleetReport report, Writer out) throws IOException;

    /** The whole output as a string, for tests and small fleets. */
    default String render(FleetReport report) {
        StringWriter out = new StringWriter();
        try {
            render(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
