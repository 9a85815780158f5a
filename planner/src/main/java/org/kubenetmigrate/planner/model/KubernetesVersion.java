package org.kubenetmigrate.planner.model;

import java.util.Comparator;
import java.util.regex.Pattern;

/** A Kubernetes {@code major.minor[.patch]} version; a missing patch compares as 0. */
public record KubernetesVersion(int major, int minor, int patch) implements Comparable<KubernetesVersion> {

    private static final Pattern VERSION = Pattern.compile("v?\\d+\\.\\d+(\\.\\d+)?");

    private static final Comparator<KubernetesVersion> ORDER = Comparator.comparingInt(KubernetesVersion::major)
            .thenComparingInt(KubernetesVersion::minor)
            .thenComparingInt(KubernetesVersion::patch);

    public static KubernetesVersion parse(String text) {
        if (text == null || !VERSION.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Kubernetes version (expected major.minor[.patch])");
        }
        String[] parts = text.trim().replaceFirst("^v", "").split("\\.");
        return new KubernetesVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                parts.length > 2 ? Integer.parseInt(parts[2]) : 0);
    }

    public boolean isBelow(int major, int minor) {
        return compareTo(new KubernetesVersion(major, minor, 0)) < 0;
    }

    @Override
    public int compareTo(KubernetesVersion o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
