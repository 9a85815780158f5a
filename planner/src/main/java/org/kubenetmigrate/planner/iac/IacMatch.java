package org.kubenetmigrate.planner.iac;

/**
 * A piece of code that describes the planned cluster.
 *
 * @param format terraform, bicep or arm
 * @param file the file that declares it
 * @param line the 1-based line of the declaration
 * @param address how the code names it (a Terraform address, a Bicep symbol, an ARM resource index)
 * @param evidence why it is this cluster: which name (and resource group or location) matched, and where the value
 *                 came from
 */
public record IacMatch(String format, String file, int line, String address, String evidence) {
}
