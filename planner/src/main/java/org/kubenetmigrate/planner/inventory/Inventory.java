package org.kubenetmigrate.planner.inventory;

/**
 * Reads Azure into a {@link Snapshot}: the raw resources as Azure returned them, plus what could not be read.
 * The planner consumes a snapshot exactly as it consumes files, so a live run and a run on its saved snapshot give
 * the same answers.
 */
public interface Inventory {

    /** The fleet in {@code scope}: managed clusters (all plugins), their node VNets and route tables. */
    Snapshot fleet(Scope scope, InventoryProgress progress) throws InventoryException;

    /**
     * One cluster read deeply and freshly: the cluster (with its ETag), agent pools, node VNets and route tables.
     *
     * @param nameOrId an ARM id, or a name looked up in {@code scope}
     */
    Snapshot cluster(String nameOrId, Scope scope, InventoryProgress progress) throws InventoryException;
}
