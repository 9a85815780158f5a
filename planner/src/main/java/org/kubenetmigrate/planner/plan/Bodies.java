package org.kubenetmigrate.planner.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small builders for request bodies: ordered maps, so that rendered JSON reads in the order written. */
final class Bodies {
    private Bodies() {
    }

    /** An object from alternating keys and values; entries whose value is {@link #OMIT} are left out. */
    static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != OMIT) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    /** The changed fields of a managed cluster's network profile, rooted at the resource. */
    static Map<String, Object> networkProfile(Object... keysAndValues) {
        return object("properties", object("networkProfile", object(keysAndValues)));
    }

    /** Marks an entry to leave out, for optional fields. */
    static final Object OMIT = new Object();

    static Object omitIfNull(Object value) {
        return value == null ? OMIT : value;
    }
}
