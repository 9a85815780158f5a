package org.kubenetmigrate.planner.commands;

import java.util.List;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.ManagedCluster;

/** Finds the one cluster a user named by name or ARM id. */
public final class ClusterLookup {
    private ClusterLookup() {
    }

    public static ManagedCluster find(Fleet fleet, String nameOrId) throws ClusterNotFoundException {
        List<ManagedCluster> matches = fleet.find(nameOrId);
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new ClusterNotFoundException("no cluster named or with id '" + nameOrId + "' in the input ("
                    + fleet.clusters().size() + " clusters read)");
        }
        throw new ClusterNotFoundException("cluster name '" + nameOrId + "' matches " + matches.size()
                + " clusters; pass the ARM id instead: "
                + String.join(", ", matches.stream().map(c -> c.id().value()).toList()));
    }
}
