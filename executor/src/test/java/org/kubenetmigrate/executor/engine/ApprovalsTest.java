package org.kubenetmigrate.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.executor.plan.ExecutablePlan;
import org.kubenetmigrate.executor.plan.PlanReader;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.planner.plan.Step;

class ApprovalsTest {
    @TempDir
    Path dir;

    private ExecutablePlan plan() throws Exception {
        return new PlanReader().read(Scenario.plan(dir, Scenario.STG));
    }

    @Test
    void approveThroughALaterStageStillLeavesThePointOfNoReturnToAPerson() throws Exception {
        ExecutablePlan plan = plan();
        Step disable = plan.step("disable-network-policy").orElseThrow();
        Step update = plan.step("update-network-plugin").orElseThrow();
        for (String stage : new String[]{"prepare", "migrate", "validate"}) {
            assertThat(Approvals.through(stage).approves(plan, disable)).as(stage)
                    .contains("flag --approve-through " + stage);
            assertThat(Approvals.through(stage).approves(plan, update)).as(stage).isEmpty();
        }
    }

    @Test
    void onlyAutoApprovePassesThePointOfNoReturn() throws Exception {
        ExecutablePlan plan = plan();
        assertThat(Approvals.all().approves(plan, plan.step("update-network-plugin").orElseThrow()))
                .contains("flag --auto-approve");
        assertThat(Approvals.NONE.approves(plan, plan.step("disable-network-policy").orElseThrow())).isEmpty();
    }

    @Test
    void namesTheStagesWhenApproveThroughNamesNone() throws Exception {
        assertThat(Approvals.through("prep").problemWith(plan())).hasValueSatisfying(p -> assertThat(p)
                .isEqualTo("--approve-through prep: the plan has no such stage (stages: prepare, migrate, rollout,"
                        + " network-policy, validate)"));
    }
}
