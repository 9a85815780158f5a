package org.kubenetmigrate.planner.plan;

import java.util.Objects;
import org.kubenetmigrate.planner.text.AzCommand;

/**
 * One step of a plan. The executor has one implementation per step {@code id}; the rest describes the step for
 * people and for the executor's checks.
 *
 * @param id the stable step id, e.g. {@code update-network-plugin}
 * @param title one line for a reader
 * @param description what the step does, why, and what can go wrong
 * @param effect what the step changes, and who changes it
 * @param reversibility whether it can be undone; a point of no return never can
 * @param requiresApproval true when a person must approve before the step runs
 * @param request the ARM request the step makes, or null for steps without one and steps whose reads the executor
 *                implements itself
 * @param azCli the equivalent az command, or null
 * @param compensation how to undo the step, or null when it is not reversible or there is nothing to undo
 * @param patch a unified diff a person applies in this (manual) step, e.g. to their infrastructure code, or null
 */
public record Step(
        String id,
        String title,
        String description,
        Effect effect,
        Reversibility reversibility,
        boolean requiresApproval,
        ArmRequest request,
        String azCli,
        Compensation compensation,
        String patch) {

    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(reversibility, "reversibility");
        if (reversibility != Reversibility.REVERSIBLE && compensation != null) {
            throw new IllegalArgumentException("step " + id + ": an irreversible step has no compensation");
        }
        if (effect == Effect.READ_ONLY && request != null && request.mutating()) {
            throw new IllegalArgumentException("step " + id + ": a read-only step sends no " + request.method());
        }
    }

    /**
     * A step from the flags a plan file carries: {@code reversible}, {@code pointOfNoReturn}, {@code manual} and
     * {@code changesCluster}. Refuses what no plan means: a reversible point of no return, a manual step that the
     * executor would also change the cluster in.
     */
    public static Step fromFlags(String id, String title, String description, boolean reversible,
                                 boolean pointOfNoReturn, boolean requiresApproval, boolean manual, ArmRequest request,
                                 String azCli, Compensation compensation, boolean changesCluster, String patch) {
        if (pointOfNoReturn && reversible) {
            throw new IllegalArgumentException("step " + id + ": a point of no return cannot be reversible");
        }
        if (manual && changesCluster) {
            throw new IllegalArgumentException("step " + id + ": a manual step is done by a person, not through the"
                    + " Kubernetes API");
        }
        Reversibility reversibility = pointOfNoReturn ? Reversibility.POINT_OF_NO_RETURN
                : reversible ? Reversibility.REVERSIBLE : Reversibility.ONE_WAY;
        return new Step(id, title, description, effect(manual, changesCluster, request), reversibility,
                requiresApproval, request, azCli, compensation, patch);
    }

    private static Effect effect(boolean manual, boolean changesCluster, ArmRequest request) {
        if (manual) {
            return Effect.BY_A_PERSON;
        }
        if (changesCluster) {
            return Effect.CHANGES_CLUSTER;
        }
        return request != null && request.mutating() ? Effect.CHANGES_AZURE : Effect.READ_ONLY;
    }

    /** The same step with another request (the plan file's flags unchanged). */
    public Step withRequest(ArmRequest other) {
        return new Step(id, title, description, effect, reversibility, requiresApproval, other, azCli, compensation,
                patch);
    }

    /** True when the step can be undone; the plan file's {@code reversible}. */
    public boolean reversible() {
        return reversibility == Reversibility.REVERSIBLE;
    }

    /** The plan file's {@code pointOfNoReturn}. */
    public boolean pointOfNoReturn() {
        return reversibility == Reversibility.POINT_OF_NO_RETURN;
    }

    /** True when a person does the step; the plan file's {@code manual}. */
    public boolean manual() {
        return effect == Effect.BY_A_PERSON;
    }

    /** True when the step changes objects inside the cluster through the Kubernetes API; {@code changesCluster}. */
    public boolean changesCluster() {
        return effect == Effect.CHANGES_CLUSTER;
    }

    /** True when the step changes something in Azure (a request other than GET). */
    public boolean mutating() {
        return request != null && request.mutating();
    }

    public static Builder builder(StepId id, String title) {
        return new Builder(id.id(), title);
    }

    /** Builds a step; everything defaults to a reversible, automatic, read-only step without approval. */
    public static final class Builder {
        private final String id;
        private final String title;
        private String description = "";
        private boolean reversible = true;
        private boolean pointOfNoReturn;
        private boolean requiresApproval;
        private boolean manual;
        private ArmRequest request;
        private String azCli;
        private Compensation compensation;
        private boolean changesCluster;
        private String patch;

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Marks the step one-way: not reversible, no compensation. */
        public Builder oneWay() {
            this.reversible = false;
            this.compensation = null;
            return this;
        }

        /** Marks the step as the point of no return, which makes it one-way. */
        public Builder pointOfNoReturn() {
            this.pointOfNoReturn = true;
            return oneWay();
        }

        public Builder approval() {
            this.requiresApproval = true;
            return this;
        }


        public Builder manual() {
            this.manual = true;
            return this;
        }

        public Builder request(ArmRequest request) {
            this.request = request;
            return this;
        }

        public Builder azCli(String azCli) {
            this.azCli = azCli;
            return this;
        }

        public Builder azCli(AzCommand azCli) {
            return azCli(azCli.render());
        }

        /** Marks a step that changes objects inside the cluster through the Kubernetes API. */
        public Builder changesCluster() {
            this.changesCluster = true;
            return this;
        }

        /** The unified diff a person applies in this step. */
        public Builder patch(String patch) {
            this.patch = patch;
            return this;
        }

        public Builder compensation(Compensation compensation) {
            this.compensation = compensation;
            return this;
        }

        public Step build() {
            return fromFlags(id, title, description, reversible, pointOfNoReturn, requiresApproval, manual, request,
                    azCli, compensation, changesCluster, patch);
        }
    }
}
