package org.kubenetmigrate.architecture.planted.planner.plan;

import picocli.CommandLine.Option;

/** Planted: a domain class annotated for picocli. */
public final class PlanWithACommandLineOption {
    @Option(names = "--strategy")
    String strategy;
}
