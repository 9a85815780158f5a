package org.kubenetmigrate.planner.input;

import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ResourceLock;

/**
 * Maps a {@code Microsoft.Authorization/locks} resource: ARM puts {@code level} and {@code notes} under
 * {@code properties} (api-version 2020-05-01), {@code az lock list} prints them at the top level.
 */
final class LockReader {
    private LockReader() {
    }

    static ResourceLock read(JsonFields resource) throws InputException {
        ArmId id = resource.requiredArmId("id");
        ArmId scope = ResourceLock.scopeOf(id);
        if (scope == null) {
            throw resource.error("id", "not a lock id (expected …/providers/Microsoft.Authorization/locks/<name>): "
                    + id);
        }
        JsonFields props = resource.propertiesOrSelf();
        String level = props.requiredString("level");
        String name = resource.string("name");
        return new ResourceLock(id, name == null ? id.name() : name, scope, level, props.string("notes"),
                resource.source());
    }
}
