package org.kubenetmigrate.executor.steps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kubenetmigrate.executor.engine.MigrationStep;

/** Every step the executor runs, by plan step id. Adding a step means one class and one line here. */
public final class StepCatalogue {
    private StepCatalogue() {
    }

    public static Map<String, MigrationStep> all() {
        Map<String, MigrationStep> steps = new LinkedHashMap<>();
        for (MigrationStep step : List.of(new Precheck(), new Backup(), new AssignIdentity(), new SettleIdentity(),
                new RemoveIpMasqConfig(),
                new DisableNetworkPolicy(), new UpdateNetworkPlugin(), new ObserveRollout(),
                new RestoreNetworkPolicy(), new EnableCilium(), new Validate())) {
            steps.put(step.id(), step);
        }
        return steps;
    }

    public static Set<String> ids() {
        return all().keySet();
    }
}
