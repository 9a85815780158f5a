/**
 * The step engine: runs a saved plan's steps with approval gates, a crash-safe journal, a per-cluster lock,
 * resume and rollback up to the point of no return. Built by the executor issue; the module exists now so that
 * the dependency direction cli → executor → planner holds from the start.
 */
package org.kubenetmigrate.executor.engine;
