package org.kubenetmigrate.planner.waivers;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ManagedCluster;

/**
 * Which clusters a waiver covers: one cluster by ARM id, clusters by a name glob, or clusters by a tag. Azure
 * treats resource ids, names and tag names case-insensitively, so the selectors do too; tag values are compared
 * exactly, as Azure stores them.
 */
public sealed interface ClusterSelector {

    boolean matches(ManagedCluster cluster);

    /** The selector as written in the waivers file, e.g. {@code name=aks-cards-*}. */
    String describe();

    /** Exactly one cluster, by its ARM resource id. */
    record ById(ArmId id) implements ClusterSelector {
        @Override
        public boolean matches(ManagedCluster cluster) {
            return cluster.id().equals(id);
        }

        @Override
        public String describe() {
            return "id=" + id.value();
        }
    }

    /** Clusters whose name matches a glob: {@code *} is any run of characters, {@code ?} one character. */
    record ByName(String glob, Pattern pattern) implements ClusterSelector {
        public static ByName of(String glob) {
            StringBuilder regex = new StringBuilder();
            for (char c : glob.toCharArray()) {
                switch (c) {
                    case '*' -> regex.append(".*");
                    case '?' -> regex.append('.');
                    default -> regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return new ByName(glob, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
        }

        @Override
        public boolean matches(ManagedCluster cluster) {
            return cluster.name() != null && pattern.matcher(cluster.name()).matches();
        }

        @Override
        public String describe() {
            return "name=" + glob;
        }
    }

    /** Clusters carrying a tag with this value. */
    record ByTag(String key, String value) implements ClusterSelector {
        @Override
        public boolean matches(ManagedCluster cluster) {
            String wanted = key.toLowerCase(Locale.ROOT);
            for (Map.Entry<String, String> tag : cluster.tags().entrySet()) {
                if (tag.getKey().toLowerCase(Locale.ROOT).equals(wanted) && value.equals(tag.getValue())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "tag=" + key + "=" + value;
        }
    }
}
