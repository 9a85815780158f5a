package org.kubenetmigrate.planner.inventory;

/** Where a long scan reports what it is doing; the CLI draws it on stderr. */
public interface InventoryProgress {
    InventoryProgress NONE = new InventoryProgress() {
    };

    /** A phase started, e.g. "managed clusters (Resource Graph)"; {@code total} is -1 when unknown. */
    default void phase(String name, long total) {
    }

    /** Work done within the current phase. */
    default void advance(long done) {
    }

    /** Something the user should know (a failed subscription, a permission gap). */
    default void note(String message) {
    }

    default void finish() {
    }
}
