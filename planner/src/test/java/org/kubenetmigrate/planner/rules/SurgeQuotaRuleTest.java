package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.testing.Fixtures.SUBSCRIPTION;
import static org.kubenetmigrate.planner.testing.Fixtures.finding;
import static org.kubenetmigrate.planner.testing.Fixtures.findings;
import static org.kubenetmigrate.planner.testing.Fixtures.unverified;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.model.SurroundingType;
import org.kubenetmigrate.planner.model.Surroundings;
import org.kubenetmigrate.planner.testing.Fixtures;
import org.kubenetmigrate.planner.testing.Fixtures.Scenario;

/** Usages in the shape of the Usage_List REST example, kept with the request path as id as a snapshot stores them. */
class SurgeQuotaRuleTest {
    private static final String ID = "surge-quota";

    private static String usages(long dsv5Used, long dsv5Limit) {
        return """
                {"id": "/subscriptions/%s/providers/Microsoft.Compute/locations/westeurope/usages",
                 "type": "Microsoft.Compute/locations/usages",
                 "value": [
                   {"unit": "Count", "currentValue": 40, "limit": 350,
                    "name": {"value": "cores", "localizedValue": "Total Regional vCPUs"}},
                   {"unit": "Count", "currentValue": %d, "limit": %d,
                    "name": {"value": "standardDSv5Family", "localizedValue": "Standard DSv5 Family vCPUs"}}]}"""
                .formatted(SUBSCRIPTION, dsv5Used, dsv5Limit);
    }

    private static Scenario withUsages(String json) {
        Scenario s = Fixtures.byoVnet();
        s.surroundings = new Surroundings.Builder().cover(SurroundingType.LOCKS, SUBSCRIPTION)
                .cover(SurroundingType.NETWORK_SECURITY_GROUPS, SUBSCRIPTION);
        return s.around(json);
    }

    @Test
    void surgeBeyondTheFreeFamilyQuotaWarns() {
        Scenario s = withUsages(usages(98, 100));
        s.cluster.addPool("user").maxSurge("2");

        ClusterAssessment a = s.assessChecked();

        Finding f = finding(a, ID);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("standardDSv5Family", "12 needed, 2 free");
        assertThat(a.readiness()).isEqualTo(Readiness.READY);
    }

    @Test
    void enoughQuotaPasses() {
        assertThat(findings(withUsages(usages(10, 100)).assessChecked(), ID)).isEmpty();
    }

    @Test
    void azCliStringNumbersAreRead() {
        Scenario s = withUsages("""
                {"id": "/subscriptions/%s/providers/Microsoft.Compute/locations/westeurope/usages",
                 "value": [{"currentValue": "99", "limit": "100", "localName": "Standard DSv5 Family vCPUs",
                            "name": {"localizedValue": "Standard DSv5 Family vCPUs", "value": "standardDSv5Family"}}]}"""
                .formatted(SUBSCRIPTION));

        assertThat(finding(s.assessChecked(), ID).message()).contains("4 needed, 1 free");
    }

    @Test
    void aSizeWhoseFamilyIsNotAmongTheUsagesIsUnverified() {
        Scenario s = withUsages(usages(10, 100));
        s.cluster.addPool("gpu").vmSize("Standard_NC4as_T4_v3").count(2);

        assertThat(unverified(s.assessChecked(), ID)).singleElement().satisfies(u -> {
            assertThat(u.couldBe()).isEqualTo(Severity.WARNING);
            assertThat(u.reason()).contains("Standard_NC4as_T4_v3");
        });
    }

    @Test
    void noUsagesForTheRegionIsUnverifiedButKeepsTheVerdict() {
        Scenario s = Fixtures.byoVnet().withNothingAround();

        ClusterAssessment a = s.assessChecked();

        assertThat(unverified(a, ID)).singleElement()
                .satisfies(u -> assertThat(u.reason()).contains("westeurope", "az vm list-usage"));
    }

    @Test
    void familyNamesFollowTheSizeName() {
        assertThat(SurgeQuotaRule.VmSize.parse("Standard_D4s_v5")).hasValue(new SurgeQuotaRule.VmSize("standardDSv5Family", 4));
        assertThat(SurgeQuotaRule.VmSize.parse("Standard_DS2_v2")).hasValue(new SurgeQuotaRule.VmSize("standardDSv2Family", 2));
        assertThat(SurgeQuotaRule.VmSize.parse("Standard_D2_v3")).hasValue(new SurgeQuotaRule.VmSize("standardDv3Family", 2));
        assertThat(SurgeQuotaRule.VmSize.parse("Standard_NC24ads_A100_v4"))
                .hasValue(new SurgeQuotaRule.VmSize("standardNCADSA100v4Family", 24));
        assertThat(SurgeQuotaRule.VmSize.parse("Standard_E4-2s_v5")).hasValue(new SurgeQuotaRule.VmSize("standardESv5Family", 4));
        assertThat(SurgeQuotaRule.VmSize.parse("not-a-size")).isEmpty();
    }
}
