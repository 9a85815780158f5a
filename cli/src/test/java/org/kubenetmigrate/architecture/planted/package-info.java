/**
 * Deliberately wrong classes, one per rule of the house, for {@code PlantedViolationsTest}: they mirror the real
 * package names under this root so that the rules in {@code Architecture} apply to them unchanged. Never shipped,
 * never imported by {@code ArchitectureTest} (test classes are excluded there).
 */
package org.kubenetmigrate.architecture.planted;
