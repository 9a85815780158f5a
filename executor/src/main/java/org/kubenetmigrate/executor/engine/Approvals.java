package org.kubenetmigrate.executor.engine;

import java.util.Optional;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.planner.plan.Step;

/**
 * What the command line approved in advance: nothing, every gate ({@code --auto-approve}), or the gates of the
 * stages up to and including one ({@code --approve-through STAGE}) — except the point of no return, whose gate
 * only {@code --auto-approve} passes.
 *
 * <p>A {@link Hold} may keep a gate closed whatever was approved (a rollout member whose maintenance window is
 * closed): the run then stops at that gate, a safe boundary before the step, and a later resume asks again.
 */
public record Approvals(boolean autoApprove, String approveThrough, Hold hold) {

    /** Why the gate before {@code step} stays closed now, or empty. Asked before every gate, never mid-step. */
    @FunctionalInterface
    public interface Hold {
        Optional<String> before(Step step);

        Hold NONE = step -> Optional.empty();
    }

    public static final Approvals NONE = new Approvals(false, null);

    public Approvals(boolean autoApprove, String approveThrough) {
        this(autoApprove, approveThrough, Hold.NONE);
    }

    public Approvals {
        hold = hold == null ? Hold.NONE : hold;
    }

    public static Approvals all() {
        return new Approvals(true, null);
    }

    public static Approvals through(String stageId) {
        return new Approvals(false, stageId);
    }

    /** The same approvals, with gates held closed while {@code hold} says so. */
    public Approvals heldBy(Hold newHold) {
        return new Approvals(autoApprove, approveThrough, newHold);
    }

    /** How the flag approves the step's gate ({@code "--auto-approve"}, …), or empty when a person must. */
    public Optional<String> approves(ExecutablePlan plan, Step step) {
        if (autoApprove) {
            return Optional.of("flag --auto-approve");
        }
        if (approveThrough == null || step.pointOfNoReturn()) {
            return Optional.empty();
        }
        int through = stageIndex(plan, approveThrough);
        int stage = plan.stageOf(step.id()).map(s -> stageIndex(plan, s.id())).orElse(Integer.MAX_VALUE);
        return stage <= through ? Optional.of("flag --approve-through " + approveThrough) : Optional.empty();
    }

    /** Checks that {@code --approve-through} names a stage of the plan; returns the problem, if any. */
    public Optional<String> problemWith(ExecutablePlan plan) {
        if (approveThrough == null || stageIndex(plan, approveThrough) >= 0) {
            return Optional.empty();
        }
        return Optional.of("--approve-through " + approveThrough + ": the plan has no such stage (stages: "
                + String.join(", ", plan.stages().stream().map(s -> s.id()).toList()) + ")");
    }

    private static int stageIndex(ExecutablePlan plan, String stageId) {
        for (int i = 0; i < plan.stages().size(); i++) {
            if (plan.stages().get(i).id().equals(stageId)) {
                return i;
            }
        }
        return -1;
    }
}
