package org.kubenetmigrate.planner.iac.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Terraform version constraints ({@code "~> 4.0"}, {@code ">= 3.90, < 4.0"}, {@code "= 4.57.0"}) reduced to the
 * range of releases they allow, to tell whether they allow releases of the azurerm provider without an in-place
 * path. The release numbers come from the provider's CHANGELOG-v4.md and CHANGELOG-v3.md.
 */
public final class ProviderVersions {
    /** First azurerm release with the kubenet → Overlay update in place (PR #30959, CHANGELOG 4.66.0, 2026-03-26). */
    public static final Version OVERLAY_IN_PLACE = Version.parse("4.66.0").orElseThrow();
    /** First release that updates network_data_plane and network_policy to cilium in place (PR #30958, 4.58.0). */
    public static final Version CILIUM_IN_PLACE = Version.parse("4.58.0").orElseThrow();
    /** First release with network_data_plane; before it the attribute was ebpf_data_plane (PR #26251, 3.108.0). */
    public static final Version NETWORK_DATA_PLANE = Version.parse("3.108.0").orElseThrow();

    private ProviderVersions() {
    }

    /** A release number, compared numerically (missing parts are 0). */
    public record Version(int major, int minor, int patch) implements Comparable<Version> {
        public static Optional<Version> parse(String text) {
            String t = text.strip();
            if (t.startsWith("v")) {
                t = t.substring(1);
            }
            int dash = t.indexOf('-');
            if (dash >= 0) {
                t = t.substring(0, dash);
            }
            String[] parts = t.split("\\.");
            int[] n = new int[3];
            if (parts.length == 0 || parts.length > 3) {
                return Optional.empty();
            }
            try {
                for (int i = 0; i < parts.length; i++) {
                    n[i] = Integer.parseInt(parts[i]);
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            return Optional.of(new Version(n[0], n[1], n[2]));
        }

        @Override
        public int compareTo(Version o) {
            int c = Integer.compare(major, o.major);
            if (c == 0) {
                c = Integer.compare(minor, o.minor);
            }
            return c == 0 ? Integer.compare(patch, o.patch) : c;
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    /**
     * The releases a constraint allows: from {@code lowest} (inclusive) to {@code below} (exclusive; null for no
     * upper bound). Exclusions ({@code !=}) are ignored: they never make a range safe.
     */
    public record Range(Version lowest, Version below) {
        /** True when some allowed release is older than {@code v}. */
        public boolean allowsBefore(Version v) {
            return lowest.compareTo(v) < 0 && (below == null || below.compareTo(lowest) > 0);
        }

        /** True when no allowed release is {@code v} or newer. */
        public boolean onlyBefore(Version v) {
            return below != null && below.compareTo(v) <= 0;
        }
    }

    /** The range of a constraint string, or empty when it cannot be read (then nothing is assumed). */
    public static Optional<Range> range(String constraint) {
        Version lowest = new Version(0, 0, 0);
        Version below = null;
        for (String clause : constraint.split(",")) {
            String c = clause.strip();
            if (c.isEmpty()) {
                continue;
            }
            String op = c.replaceAll("^([<>=!~]*).*$", "$1");
            Optional<Version> parsed = Version.parse(c.substring(op.length()));
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            Version v = parsed.get();
            int parts = c.substring(op.length()).strip().split("\\.").length;
            switch (op) {
                case "", "=" -> {
                    lowest = max(lowest, v);
                    below = min(below, new Version(v.major, v.minor, v.patch + 1));
                }
                case ">=" -> lowest = max(lowest, v);
                case ">" -> lowest = max(lowest, new Version(v.major, v.minor, v.patch + 1));
                case "<" -> below = min(below, v);
                case "<=" -> below = min(below, new Version(v.major, v.minor, v.patch + 1));
                case "~>" -> {
                    lowest = max(lowest, v);
                    below = min(below, parts >= 3 ? new Version(v.major, v.minor + 1, 0) : new Version(v.major + 1, 0, 0));
                }
                case "!=" -> {
                    // an exclusion never removes the old releases as a whole
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Range(lowest, below));
    }

    private static Version max(Version a, Version b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Version min(Version a, Version b) {
        return a == null ? b : a.compareTo(b) <= 0 ? a : b;
    }

    /** What a constraint (and the lock file's selected release, if known) means for this migration. */
    public static List<String> assess(String constraint, String locked, boolean cilium) {
        List<String> out = new ArrayList<>();
        String source = " (hashicorp/terraform-provider-azurerm#30959, CHANGELOG 4.66.0, 26 March 2026)";
        if (constraint == null) {
            out.add("required_providers sets no version for azurerm, so any release may be used; azurerm releases"
                    + " before 4.66.0 plan a REPLACEMENT of the cluster when network_plugin changes from kubenet"
                    + source + ". Require version = \">= 4.66.0\" (with the code matching the migrated cluster,"
                    + " terraform plan should then show no change).");
        } else {
            Optional<Range> range = range(constraint);
            if (range.isEmpty()) {
                out.add("cannot read the azurerm version constraint \"" + constraint + "\"; the first release that"
                        + " updates kubenet to Overlay in place is 4.66.0" + source + ".");
            } else if (range.get().onlyBefore(OVERLAY_IN_PLACE)) {
                out.add("the azurerm constraint \"" + constraint + "\" allows only releases before 4.66.0, the first"
                        + " that updates network_plugin kubenet -> azure (overlay) in place" + source + "; older"
                        + " releases plan a REPLACEMENT of the cluster. Never apply such a plan: keep the code matching"
                        + " the migrated cluster (this diff), refresh the state (terraform apply -refresh-only) and"
                        + " raise the constraint to \">= 4.66.0\" when you can.");
            } else if (range.get().allowsBefore(OVERLAY_IN_PLACE)) {
                out.add("the azurerm constraint \"" + constraint + "\" also allows releases before 4.66.0, the first"
                        + " that updates network_plugin kubenet -> azure (overlay) in place" + source + "; those plan a"
                        + " REPLACEMENT of the cluster. Raise it to \">= 4.66.0\".");
            }
            if (cilium && range.isPresent() && range.get().allowsBefore(CILIUM_IN_PLACE)) {
                out.add("the azurerm constraint \"" + constraint + "\" allows releases before 4.58.0, the first that"
                        + " updates network_data_plane and network_policy to cilium in place"
                        + " (hashicorp/terraform-provider-azurerm#30958, CHANGELOG 4.58.0).");
            }
        }
        if (locked != null) {
            Optional<Version> v = Version.parse(locked);
            if (v.isPresent() && v.get().compareTo(OVERLAY_IN_PLACE) < 0) {
                out.add(".terraform.lock.hcl selects azurerm " + locked + ", older than 4.66.0: terraform plan with"
                        + " it plans a REPLACEMENT if network_profile differs from the state; run terraform init"
                        + " -upgrade after raising the constraint.");
            }
        }
        return out;
    }
}
