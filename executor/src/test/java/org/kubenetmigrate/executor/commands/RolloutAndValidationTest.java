package org.kubenetmigrate.executor.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.Harness;
import org.kubenetmigrate.executor.engine.Approvals;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.EngineSettings;
import org.kubenetmigrate.executor.engine.RunOutcome;
import org.kubenetmigrate.executor.engine.RunResult;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.executor.testing.ShmTempDir;

class RolloutAndValidationTest {
    @TempDir(factory = ShmTempDir.class)
    Path dir;

    @Test
    void reportsEachPoolAsItsReimageProgresses() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure().simulating(aks -> aks.rolloutReadsPerPool(4)));
        RunResult result = h.apply(Scenario.plan(dir, Scenario.PROD), Approvals.all());

        assertThat(result.outcome()).as(result.message()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(h.events.of(EngineEvent.Progress.class)).filteredOn(p -> p.stepId().equals("observe-rollout"))
                .extracting(EngineEvent.Progress::message)
                .containsSubsequence("pool payments: Upgrading, 4 nodes, image AKSUbuntu-2204gen2containerd-202509.23.0",
                        "pool payments: Succeeded, 4 nodes, image AKSUbuntu-2204gen2containerd-202509.23.0-overlay");
        assertThat(h.azure.mutatingCalls()).as("no policy engine: only the plugin update").hasSize(1);
    }

    @Test
    void aStuckReimageIsNamedWithItsLikelyCausesThenStopsAndResumeKeepsWatching() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure().simulating(aks -> aks.rolloutStuck(true)))
                .settings(EngineSettings.DEFAULTS.withStallAfter(Duration.ofMinutes(20))
                        .withRolloutTimeout(Duration.ofHours(1)));
        RunResult stopped = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(stopped.outcome()).isEqualTo(RunOutcome.STEP_FAILED);
        assertThat(stopped.stepId()).isEqualTo("observe-rollout");
        assertThat(stopped.message()).contains("still running after 60 min");
        assertThat(h.events.of(EngineEvent.Notice.class)).filteredOn(n -> n.stepId().equals("observe-rollout"))
                .singleElement().satisfies(n -> assertThat(n.message()).startsWith("nothing has changed for 20 min")
                        .contains("PodDisruptionBudgets").contains("quota").contains("SubnetIsFull"));
        int puts = h.azure.mutatingCalls().size();
        assertThat(puts).isEqualTo(2);

        h.azure.simulator().rolloutStuck(false);
        RunResult resumed = h.resume(stopped.runId(), Approvals.all());
        assertThat(resumed.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(h.azure.mutatingCalls()).hasSize(3);
    }

    @Test
    void validationFailsWhenTheEgressDefaultRouteIsGoneAndSaysHowToRestoreIt() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure().simulating(aks -> aks.dropDefaultRouteOnPluginUpdate(true)));
        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.STEP_FAILED);
        assertThat(result.stepId()).isEqualTo("validate");
        assertThat(result.message()).contains("egress default route default-to-afw-hub-weu (0.0.0.0/0 to"
                + " VirtualAppliance 10.100.0.4) is no longer in rt-aks-payments-stg-weu");
        assertThat(result.remediation()).anySatisfy(r -> assertThat(r).contains("az network route-table route create"
                + " --route-table-name rt-aks-payments-stg-weu -g rg-payments-stg-network -n default-to-afw-hub-weu"
                + " --address-prefix 0.0.0.0/0 --next-hop-type VirtualAppliance --next-hop-ip-address 10.100.0.4"));
    }

    @Test
    void validationChecksThePodRoutesAreGoneFromYourRouteTable() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG), Approvals.all());

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(h.azure.resource(Scenario.STG_ROUTE_TABLE).at("/properties/routes")).hasSize(1);
        assertThat(h.events.of(EngineEvent.StepSucceeded.class)).filteredOn(s -> s.stepId().equals("validate"))
                .singleElement().satisfies(s -> assertThat(s.summary()).contains("1 route table(s) as expected"));
    }

    @Test
    void aManagedVnetClusterEndsWithItsManagedRouteTableDeleted() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        RunResult result = h.apply(Scenario.plan(dir, Scenario.LEDGER, Scenario.assignIdentity()), Approvals.all());

        assertThat(result.outcome()).as(result.message() + result.remediation()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(h.azure.mutatingCalls()).hasSize(2);
        assertThat(h.azure.mutatingCalls().get(0).body().at("/identity/type").asText()).isEqualTo("UserAssigned");
    }

    @Test
    void theCiliumPlanSwitchesTheDataPlaneAsASeparateUpdate() throws Exception {
        Harness h = new Harness(dir.resolve("state"), Scenario.azure());
        RunResult result = h.apply(Scenario.plan(dir, Scenario.STG, Scenario.cilium()), Approvals.all());

        assertThat(result.outcome()).as(result.message()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(h.azure.mutatingCalls()).hasSize(3);
        assertThat(h.azure.mutatingCalls().get(2).body().at("/properties/networkProfile/networkDataplane").asText())
                .isEqualTo("cilium");
        assertThat(h.azure.resource(Scenario.STG_ID).at("/properties/networkProfile/networkPolicy").asText())
                .isEqualTo("cilium");
    }
}
