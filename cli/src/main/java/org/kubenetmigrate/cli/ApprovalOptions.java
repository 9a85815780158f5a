package org.kubenetmigrate.cli;

import org.kubenetmigrate.executor.engine.Approvals;
import picocli.CommandLine.Option;

/** {@code --auto-approve | --approve-through STAGE}; picocli makes them exclusive through an argument group. */
final class ApprovalOptions {
    @Option(names = "--auto-approve", order = RunCommand.OWN_OPTION,
            description = "Approve every gate, including the point of no return.")
    boolean autoApprove;

    @Option(names = "--approve-through", paramLabel = "STAGE", order = RunCommand.OWN_OPTION,
            description = "Approve the gates of the stages up to and including STAGE; the point of no return still"
                    + " asks (or stops).")
    String approveThrough;

    static Approvals of(ApprovalOptions options) {
        if (options == null) {
            return Approvals.NONE;
        }
        return options.autoApprove ? Approvals.all()
                : options.approveThrough != null ? Approvals.through(options.approveThrough) : Approvals.NONE;
    }
}
