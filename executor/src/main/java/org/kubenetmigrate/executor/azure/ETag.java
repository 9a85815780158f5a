package org.kubenetmigrate.executor.azure;

import java.util.Objects;

/**
 * An entity tag as Azure writes it, in any of the forms seen: the HTTP {@code ETag} header's quoted string
 * ({@code "abc"}), its weak form ({@code W/"abc"}, RFC 9110 §8.8.3), and the bare value ARM puts in a resource body
 * ({@code "eTag": "abc"} in a managed cluster; Microsoft.Network bodies carry {@code W/"…"} there instead).
 *
 * <p>Comparison follows RFC 9110 §8.8.3.2: {@link #strongMatch} requires both tags strong and their opaque tags
 * equal; {@link #weakMatch} only the opaque tags. A bare value carries no weakness indicator and counts as strong.
 *
 * <p>{@link #wire()} is the text exactly as it was received. The executor sends that back in {@code If-Match}
 * unchanged: an {@code ETag} header value is an entity-tag, which is what {@code If-Match} takes; a bare body value
 * is what {@code az aks update --if-match} sends (learn.microsoft.com/azure/aks/use-etags).
 *
 * @param opaque the tag without quotes and without {@code W/}
 * @param weak   true for {@code W/"…"}
 * @param wire   the text as received
 */
public record ETag(String opaque, boolean weak, String wire) {

    public ETag {
        Objects.requireNonNull(opaque, "opaque");
        Objects.requireNonNull(wire, "wire");
    }

    /**
     * Reads any of the forms; null for null or blank (ARM gave none). Text that is not an entity-tag (an unbalanced
     * quote) is kept whole as an opaque, strong tag, so that it is still compared and sent back as received.
     */
    public static ETag parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String wire = text.strip();
        boolean weak = wire.startsWith("W/\"");
        String rest = weak ? wire.substring(2) : wire;
        if (rest.length() >= 2 && rest.startsWith("\"") && rest.endsWith("\"")) {
            String inner = rest.substring(1, rest.length() - 1);
            if (inner.indexOf('"') < 0) {
                return new ETag(inner, weak, wire);
            }
        }
        return new ETag(wire, false, wire);
    }

    /** The header's value when there is one, else the body's (the two may differ only in form). */
    public static ETag of(String header, String body) {
        ETag fromHeader = parse(header);
        return fromHeader != null ? fromHeader : parse(body);
    }

    /** RFC 9110 strong comparison: both strong, same opaque tag (what {@code If-Match} uses on a server). */
    public boolean strongMatch(ETag other) {
        return other != null && !weak && !other.weak && opaque.equals(other.opaque);
    }

    /** RFC 9110 weak comparison: same opaque tag, either or both may be weak. */
    public boolean weakMatch(ETag other) {
        return other != null && opaque.equals(other.opaque);
    }

    /** True when the text, in any form, names the same opaque tag (weak comparison). */
    public boolean weakMatch(String other) {
        return weakMatch(parse(other));
    }

    /** The quoted entity-tag form ({@code "abc"} or {@code W/"abc"}), whatever form was received. */
    public String quoted() {
        return (weak ? "W/" : "") + '"' + opaque + '"';
    }

    /** As received. */
    @Override
    public String toString() {
        return wire;
    }
}
