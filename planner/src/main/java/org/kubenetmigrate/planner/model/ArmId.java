package org.kubenetmigrate.planner.model;

import java.util.Locale;
import java.util.Optional;

/**
 * An Azure Resource Manager resource id. ARM ids are case-insensitive, so equality is that of the lower-cased id
 * while {@link #value()} keeps the spelling Azure returned.
 *
 * <p>A final class rather than a record so that the hash of the lower-cased id is computed once: ids are map keys in
 * every fleet lookup, and lower-casing on each hash and comparison cost a tenth of a 10,000-cluster report. The
 * lower-cased text itself is not kept for ids in ASCII (all that Azure returns): a fleet holds hundreds of thousands
 * of ids, and a second copy of each was a sixth of the memory a large report retained. Two ASCII ids are equal when
 * their text is equal ignoring case, which for ASCII is exactly the equality of their lower-cased forms; an id with
 * other characters keeps its lower-cased form, so that Unicode's case rules apply as they did.
 */
public final class ArmId {
    private final String value;
    /** The lower-cased id when it has characters beyond ASCII; null for an ASCII id. */
    private final String nonAsciiKey;
    private final int hash;

    public ArmId(String value) {
        if (value == null || !value.startsWith("/")) {
            throw new IllegalArgumentException("not an ARM resource id: " + value);
        }
        this.value = value;
        int h = 0;
        boolean ascii = true;
        for (int i = 0; i < value.length() && ascii; i++) {
            char c = value.charAt(i);
            ascii = c < 0x80;
            h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        this.nonAsciiKey = ascii ? null : value.toLowerCase(Locale.ROOT);
        this.hash = ascii ? h : nonAsciiKey.hashCode();
    }

    /** The id as Azure spelled it. */
    public String value() {
        return value;
    }

    public static ArmId of(String value) {
        return new ArmId(value);
    }

    public static Optional<ArmId> ofNullable(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new ArmId(value.trim()));
    }

    /** The id in lower case: what equality compares. Computed on each call for an ASCII id (not kept, see above). */
    public String key() {
        return nonAsciiKey != null ? nonAsciiKey : value.toLowerCase(Locale.ROOT);
    }

    /** The value following {@code name} in the id, e.g. {@code segment("resourceGroups")}. */
    public Optional<String> segment(String name) {
        String[] parts = value.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equalsIgnoreCase(name)) {
                return Optional.of(parts[i + 1]);
            }
        }
        return Optional.empty();
    }

    public String subscriptionId() {
        return segment("subscriptions").orElse("");
    }

    public String resourceGroup() {
        return segment("resourceGroups").orElse("");
    }

    /** The last name in the id. */
    public String name() {
        String[] parts = value.split("/");
        return parts[parts.length - 1];
    }

    /** The id of the virtual network a subnet id points into. */
    public Optional<ArmId> parentVirtualNetwork() {
        int at = nonAsciiKey != null ? nonAsciiKey.indexOf(SUBNETS) : indexOfIgnoringAsciiCase(value, SUBNETS);
        return at < 0 ? Optional.empty() : Optional.of(new ArmId(value.substring(0, at)));
    }

    private static final String SUBNETS = "/subnets/";

    /**
     * True when this id is {@code scope} or lies under it: the lower-cased ids are equal, or this one starts with the
     * scope's followed by '/'. Compared in place for ASCII ids, since locks are matched against every cluster's
     * resources.
     */
    public boolean isOrIsUnder(ArmId scope) {
        if (nonAsciiKey != null || scope.nonAsciiKey != null) {
            String own = key();
            String key = scope.key();
            return own.equals(key) || own.startsWith(key + "/");
        }
        int n = scope.value.length();
        return value.length() >= n && value.regionMatches(true, 0, scope.value, 0, n)
                && (value.length() == n || value.charAt(n) == '/');
    }

    /** Where {@code lowerCaseSegment} (starting with '/') first occurs in {@code text} ignoring ASCII case. */
    private static int indexOfIgnoringAsciiCase(String text, String lowerCaseSegment) {
        int last = text.length() - lowerCaseSegment.length();
        for (int i = text.indexOf('/'); i >= 0 && i <= last; i = text.indexOf('/', i + 1)) {
            if (text.regionMatches(true, i, lowerCaseSegment, 0, lowerCaseSegment.length())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ArmId other) || hash != other.hash) {
            return false;
        }
        return nonAsciiKey == null && other.nonAsciiKey == null
                ? value.equalsIgnoreCase(other.value)
                : key().equals(other.key());
    }

    /** The hash of the lower-cased id ({@code key().hashCode()}). */
    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return value;
    }
}
