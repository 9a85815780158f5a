package org.kubenetmigrate.planner.model;

import java.util.Objects;

/**
 * What an assessment knows from inside one cluster: nothing because nobody asked (the default, so that an
 * ARM-only fleet report is not turned INCOMPLETE), nothing because access failed, or what was read.
 */
public sealed interface InClusterView {

    static InClusterView notRequested() {
        return NotRequested.INSTANCE;
    }

    static InClusterView unavailable(String reason) {
        return new Unavailable(reason);
    }

    static InClusterView collected(InClusterState state) {
        return new Collected(state);
    }

    /** In-cluster checks were not asked for: the in-cluster rules stay silent. */
    final class NotRequested implements InClusterView {
        private static final NotRequested INSTANCE = new NotRequested();

        private NotRequested() {
        }

        @Override
        public String toString() {
            return "NotRequested";
        }
    }

    /** In-cluster checks were asked for but nothing could be read; every in-cluster rule is unverified. */
    record Unavailable(String reason) implements InClusterView {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** What was read, possibly with gaps. */
    record Collected(InClusterState state) implements InClusterView {
        public Collected {
            Objects.requireNonNull(state, "state");
        }
    }
}
