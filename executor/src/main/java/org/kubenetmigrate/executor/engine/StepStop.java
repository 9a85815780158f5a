package org.kubenetmigrate.executor.engine;

import java.util.List;
import java.util.Objects;

/**
 * Stops the run at a step: a failed check, an Azure error, a timeout, or a stale plan. Carries what to tell the
 * operator. The run can be resumed once the cause is dealt with.
 */
public final class StepStop extends Exception {
    private static final long serialVersionUID = 1L;

    private final RunOutcome outcome;
    private final List<String> remediation;
    private final String azureCode;

    private StepStop(RunOutcome outcome, String problem, String azureCode, List<String> remediation) {
        super(Objects.requireNonNull(problem, "problem").replaceAll("\\s*\\R\\s*", " "));
        this.outcome = outcome;
        this.azureCode = azureCode;
        this.remediation = List.copyOf(remediation);
    }

    /** The step could not be done, or is not as it must be afterwards. */
    public static StepStop failed(String problem, String... remediation) {
        return new StepStop(RunOutcome.STEP_FAILED, problem, null, List.of(remediation));
    }

    /** Azure failed the step with an error code. */
    public static StepStop azure(String problem, String azureCode, String... remediation) {
        return new StepStop(RunOutcome.STEP_FAILED, problem, azureCode, List.of(remediation));
    }

    /** The cluster moved since the plan (or the run's own last change) was decided on. */
    public static StepStop stale(String problem, String... remediation) {
        return new StepStop(RunOutcome.STALE_PLAN, problem, null, List.of(remediation));
    }

    public RunOutcome outcome() {
        return outcome;
    }

    public String problem() {
        return getMessage();
    }

    public List<String> remediation() {
        return remediation;
    }

    /** ARM's error code, when Azure failed the step. */
    public String azureCode() {
        return azureCode;
    }
}
