package org.kubenetmigrate.executor.engine;

/**
 * Asks a person at a gate. The CLI's implementation uses the terminal; without one, {@link #NONE} makes the engine
 * stop at the first gate that no flag approves, so the run can be resumed later.
 */
public interface GatePrompt {

    /** True when someone can be asked now. */
    boolean interactive();

    /**
     * Shows what happens next and whether it can be undone, and waits for the answer.
     *
     * @return true when approved
     */
    boolean approve(GateRequest request);

    /** Nobody to ask: not interactive. */
    GatePrompt NONE = new GatePrompt() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public boolean approve(GateRequest request) {
            return false;
        }
    };

    /**
     * What a gate shows.
     *
     * @param runId the run
     * @param stepId the step waiting
     * @param stageId its stage
     * @param title the step's title
     * @param description what it does and what can go wrong, from the plan
     * @param reversible true when rollback can undo it
     * @param pointOfNoReturn true for the one-way step
     * @param undo how it is undone, or why it cannot be
     * @param request the request it sends, one line, or null
     */
    record GateRequest(String runId, String stepId, String stageId, String title, String description,
                       boolean reversible, boolean pointOfNoReturn, String undo, String request) {
    }
}
