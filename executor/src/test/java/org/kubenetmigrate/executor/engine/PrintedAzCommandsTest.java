package org.kubenetmigrate.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.executor.plan.PlanReader;
import org.kubenetmigrate.executor.testing.Scenario;

/**
 * The az commands the engine prints when a run stops (the advice per AKS error code, the roll-forward steps) quote
 * the resource group, so a name with parentheses or spaces can be pasted during an incident.
 */
class PrintedAzCommandsTest {
    private static final String GROUP = "rg (prod) it's $HOME";
    private static final String QUOTED = "'rg (prod) it'\\''s $HOME'";

    @TempDir
    Path dir;

    private ExecutablePlan planInNastyGroup() throws Exception {
        ExecutablePlan p = new PlanReader().read(Scenario.plan(dir, Scenario.STG));
        return new ExecutablePlan(p.planId(), p.file(), p.schemaVersion(), p.clusterId(), p.clusterName(), GROUP,
                p.strategy(), p.fingerprint(), p.readiness(), p.original(), p.target(), p.stages());
    }

    @Test
    void everyErrorCodeAdviceQuotesTheResourceGroup() throws Exception {
        ExecutablePlan plan = planInNastyGroup();
        List<String> lines = new ArrayList<>();
        for (String code : new String[]{"UpgradeFailed", "SubnetIsFull", "QuotaExceeded", "SomethingNew"}) {
            lines.addAll(AzureErrors.remediation(plan, code, true));
        }

        List<String> naming = lines.stream().filter(l -> l.contains("rg (prod)")).toList();
        assertThat(naming).hasSize(4).allSatisfy(l -> assertThat(l).contains("-g " + QUOTED)
                .doesNotContain("-g rg (prod)"));
    }

    @Test
    void theRollForwardStepsQuoteTheResourceGroup() throws Exception {
        ExecutablePlan plan = planInNastyGroup();
        Run run = new Run("run-1", plan, dir);

        List<String> lines = Engine.rollForward(run, plan.step("update-network-plugin").orElseThrow());

        assertThat(lines).filteredOn(l -> l.contains("az aks update")).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("az aks update -g " + QUOTED + " -n " + plan.clusterName()));
    }
}
