package org.kubenetmigrate.planner.rules;

/**
 * One rule's verdict on one cluster.
 *
 * @param rule the stable rule id, e.g. {@code network-policy}
 * @param message what was found, with the concrete values
 * @param remediation what to do about it
 * @param reference the source the rule rests on (a URL)
 */
public record Finding(String rule, Severity severity, String message, String remediation, String reference) {
}
