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
 * @param reversible true when the step can be undone (read-only steps are trivially reversible)
 * @param pointOfNoReturn true for the step after which the migration can only go forward; such a step is never
 *                        reversible
 * @param requiresApproval true when a person must approve before the step runs
 * @param manual true when a person does the step; the executor waits for them
 * @param request the ARM request the step makes, or null for manual steps and steps whose reads the executor
 *                implements itself
 * @param azCli the equivalent az command, or null
 * @param compensation how to undo the step, or null when it is not reversible or there is nothing to undo
 * @param changesCluster true when the step changes objects inside the cluster through the Kubernetes API (not
 *                       through ARM), e.g. deleting a ConfigMap; such a step has no ARM request but is not read-only
 * @param patch a unified diff a person applies in this (manual) step, e.g. to their infrastructure code, or null
 */
public record Step(
        String id,
        String title,
        String description,
        boolean reversible,
        boolean pointOfNoReturn,
        boolean requiresApproval,
        boolean manual,
        ArmRequest request,
        String azCli,
        Compensation compensation,
        boolean changesCluster,
        String patch) {

    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        if (pointOfNoReturn && reversible) {
            throw new IllegalArgumentException("step " + id + ": a point of no return cannot be reversible");
        }
        if (!reversible && compensation != null) {
            throw new IllegalArgumentException("step " + id + ": an irreversible step has no compensation");
        }
    }

    /** A step without a patch. */
    public Step(String id, String title, String description, boolean reversible, boolean pointOfNoReturn,
                boolean requiresApproval, boolean manual, ArmRequest request, String azCli, Compensation compensation,
                boolean changesCluster) {
        this(id, title, description, reversible, pointOfNoReturn, requiresApproval, manual, request, azCli,
                compensation, changesCluster, null);
    }

    /** A step that changes nothing inside the cluster through the Kubernetes API. */
    public Step(String id, String title, String description, boolean reversible, boolean pointOfNoReturn,
                boolean requiresApproval, boolean manual, ArmRequest request, String azCli, Compensation compensation) {
        this(id, title, description, reversible, pointOfNoReturn, requiresApproval, manual, request, azCli,
                compensation, false);
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
            return new Step(id, title, description, reversible, pointOfNoReturn, requiresApproval, manual, request,
                    azCli, compensation, changesCluster, patch);
        }
    }
}
