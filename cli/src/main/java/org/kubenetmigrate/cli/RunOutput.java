package org.kubenetmigrate.cli;

import java.util.List;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.EngineListener;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.render.JsonLinesRenderer;
import org.kubenetmigrate.executor.render.TerminalRenderer;

/**
 * What a run command shows: the engine's events as they come, in the format {@code --output} asked for, then how
 * the command ended. stdout carries only the format; stderr the one line for anything but success.
 */
final class RunOutput implements EngineListener {
    private final Main main;
    private final JsonLinesRenderer json;
    private final EngineListener renderer;
    private int rendered;

    private RunOutput(Main main, JsonLinesRenderer json, EngineListener renderer) {
        this.main = main;
        this.json = json;
        this.renderer = renderer;
    }

    static RunOutput of(Main main, RunOutputOption.Format format) {
        if (format == RunOutputOption.Format.json) {
            JsonLinesRenderer json = new JsonLinesRenderer(main.out);
            return new RunOutput(main, json, json);
        }
        return new RunOutput(main, null, new TerminalRenderer(main.out));
    }

    /** As a listener of the executor: the one this output renders through. */
    List<EngineListener> listeners() {
        return List.of(this);
    }

    @Override
    public void on(EngineEvent event) {
        rendered++;
        renderer.on(event);
    }

    /**
     * Ends a run command: with {@code --output json} the renderer's last {@code result} line on stdout; on stderr
     * one line for anything but success, and the next steps when no event showed them (a refusal before the run
     * started, or a refused rollback, whose text shows the message but not the way forward).
     *
     * @return the exit code
     */
    int finish(RunResult result) {
        int code = ExitCodes.forRun(result.outcome());
        if (json != null) {
            json.result(result, code);
        }
        if (code == ExitCodes.OK && json == null && rendered == 0) {
            // Nothing ran (the run was already over): the result is the command's only output, so say it.
            main.out.println(result.message());
            main.out.flush();
        }
        if (code != ExitCodes.OK) {
            main.err.println((result.outcome() == RunOutcome.STOPPED_AT_GATE ? "stopped: " : "error: ")
                    + result.message());
            if (rendered == 0 || json != null || result.outcome() == RunOutcome.ROLLBACK_REFUSED) {
                result.remediation().forEach(r -> main.err.println("  - " + r));
            }
            main.err.flush();
        }
        return code;
    }
}
