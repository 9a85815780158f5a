package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ReadinessAssessor;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.report.AssessmentJson;
import org.kubenetmigrate.planner.rules.RuleCatalogue;

/** The same cluster, VNet and route table exported by ARM and by az give the same assessment, finding for finding. */
class ShapeIndependentAssessmentTest {

    private static ObjectNode assessed(Fleet fleet) {
        ReadinessAssessor assessor = new ReadinessAssessor(RuleCatalogue.all(), LocalDate.of(2026, 12, 1));
        ObjectNode json = AssessmentJson.cluster(assessor.assess(fleet.clusters().get(0), fleet, MigrationOptions.DEFAULTS));
        json.remove("source");
        return json;
    }

    @Test
    void armAndAzExportsOfOneClusterAreAssessedIdentically() throws Exception {
        Fleet arm = Fixtures.readFixtures("shapes/arm-managed-cluster.json", "shapes/arm-virtual-network.json",
                "shapes/arm-route-table.json");
        Fleet az = Fixtures.readFixtures("shapes/az-managed-cluster.json", "shapes/az-virtual-network.json",
                "shapes/az-route-table.json");

        ObjectNode fromArm = assessed(arm);

        assertThat(assessed(az)).isEqualTo(fromArm);
        assertThat(fromArm.get("findings")).isNotEmpty();
    }
}
