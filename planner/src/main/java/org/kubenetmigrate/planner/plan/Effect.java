package org.kubenetmigrate.planner.plan;

/** What a step does to the world, for people and for the executor's gates. */
public enum Effect {
    /** Reads only (Azure, the cluster, or nothing at all); safe to repeat. */
    READ_ONLY,
    /** Changes Azure through its ARM request. */
    CHANGES_AZURE,
    /** Changes objects inside the cluster through the Kubernetes API (not through ARM), e.g. deletes a ConfigMap. */
    CHANGES_CLUSTER,
    /** A person does it; the executor waits for them. Its request, if any, is what they send. */
    BY_A_PERSON
}
