package org.kubenetmigrate.planner.sizing;

/**
 * One pool's node counts.
 *
 * @param maxNodes {@code maxCount} when autoscaling, else {@code count}
 * @param surgeNodes the extra nodes its reimage adds
 * @param surgeBasis how the surge was derived, for the reader
 */
public record PoolSizing(String pool, int maxNodes, int surgeNodes, String surgeBasis) {
}
