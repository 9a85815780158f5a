package org.kubenetmigrate.executor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.executor.steps.StepCatalogue;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.planner.plan.StepId;

class SafetyCatalogueTest {

    @Test
    void theSafetyCatalogueAndTheStepImplementationsNameTheSameSteps() {
        assertThat(SafetyCatalogue.EXECUTOR.ids()).containsExactlyInAnyOrderElementsOf(StepCatalogue.ids());
        assertThat(SafetyCatalogue.EXECUTOR.ids()).allMatch(id -> StepId.of(id).isPresent());
    }

    @Test
    void onlyTheNetworkPluginUpdateIsThePointOfNoReturnAndItMayChangeExactlyThreeFields() {
        assertThat(SafetyCatalogue.EXECUTOR.steps()).filteredOn(StepSafety::pointOfNoReturn)
                .extracting(s -> s.id()).containsExactly(StepId.UPDATE_NETWORK_PLUGIN);
        assertThat(SafetyCatalogue.EXECUTOR.of(StepId.UPDATE_NETWORK_PLUGIN).fields()).extracting(BodyField::name)
                .containsExactly("properties.networkProfile.networkPlugin",
                        "properties.networkProfile.networkPluginMode", "properties.networkProfile.podCidr");
        assertThat(SafetyCatalogue.EXECUTOR.steps()).filteredOn(s -> s.changes() && s.id() != StepId.RESTORE_NETWORK_POLICY)
                .allMatch(StepSafety::gate);
    }

    @Test
    void theOperationsDocShowsTheCatalogueAsTheCodeHasIt() throws Exception {
        Path doc = Scenario.fleet().getParent().getParent().resolve("docs/operations/plan-file-safety.md");
        assertThat(Files.readString(doc)).contains(SafetyCatalogue.EXECUTOR.markdownTable());
    }
}
