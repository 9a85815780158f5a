package org.kubenetmigrate.planner.model;

import java.util.Comparator;

/** A Kubernetes {@code major.minor[.patch]} version; a missing patch compares as 0. */
public record KubernetesVersion(int major, int minor, int patch) implements Comparable<KubernetesVersion> {

    private static final Comparator<KubernetesVersion> ORDER = Comparator.comparingInt(KubernetesVersion::major)
            .thenComparingInt(KubernetesVersion::minor)
            .thenComparingInt(KubernetesVersion::patch);

    /**
     * Parses {@code major.minor[.patch]} (ASCII digits, optionally after a {@code v}) after trimming. By hand rather
     * than by regular expression: the rules parse the versions of every cluster and pool of a fleet, several times
     * each.
     */
    public static KubernetesVersion parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int start = trimmed.startsWith("v") ? 1 : 0;
        int majorEnd = digitsEnd(trimmed, start);
        int minorEnd = majorEnd > start && dotAt(trimmed, majorEnd) ? digitsEnd(trimmed, majorEnd + 1) : -1;
        int patchEnd = minorEnd;
        if (minorEnd > majorEnd + 1 && dotAt(trimmed, minorEnd)) {
            patchEnd = digitsEnd(trimmed, minorEnd + 1);
            if (patchEnd == minorEnd + 1) {
                patchEnd = -1;
            }
        }
        if (minorEnd <= majorEnd + 1 || patchEnd != trimmed.length()) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a Kubernetes version (expected major.minor[.patch])");
        }
        return new KubernetesVersion(Integer.parseInt(trimmed, start, majorEnd, 10),
                Integer.parseInt(trimmed, majorEnd + 1, minorEnd, 10),
                patchEnd > minorEnd ? Integer.parseInt(trimmed, minorEnd + 1, patchEnd, 10) : 0);
    }

    private static boolean dotAt(String text, int at) {
        return at < text.length() && text.charAt(at) == '.';
    }

    /** Where the run of ASCII digits from {@code from} ends. */
    private static int digitsEnd(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at;
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
