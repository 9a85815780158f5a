package org.kubenetmigrate.planner.waivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kubenetmigrate.planner.report.FleetReports.assessed;
import static org.kubenetmigrate.planner.report.FleetReports.cluster;
import static org.kubenetmigrate.planner.report.FleetReports.finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;
import org.kubenetmigrate.planner.waivers.WaiverReview.State;
import org.kubenetmigrate.planner.waivers.WaiverUse.Status;

class WaiverSetTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    final ClusterAssessment cards = assessed(cluster("aks-cards-prod", "sub-0001", "westeurope",
            Map.of("Team", "cards")), List.of(finding("route-table-shared", Severity.BLOCKER),
            finding("agic-addon", Severity.WARNING)), List.of());
    final ClusterAssessment ledger = assessed(cluster("aks-ledger-prod", "sub-0001", "westeurope",
            Map.of("team", "ledger")), List.of(finding("identity-type", Severity.BLOCKER)),
            List.of(new Unverified("node-subnet-surge", "vnet not in the input", Severity.BLOCKER)));
    final FleetAssessment fleet = new FleetAssessment(Instant.parse("2026-12-01T12:00:00Z"), List.of(cards, ledger));

    static Waiver waiver(String rule, ClusterSelector selector, LocalDate expires) {
        return new Waiver(rule, selector, "accepted for the test", "owner@example.com", expires, "w.yaml /waivers/0");
    }

    @Test
    void aNameGlobWaiverCoversTheRuleOnMatchingClustersOnly() {
        WaiverReview review = new WaiverSet(List.of(waiver("route-table-shared", ClusterSelector.ByName.of("AKS-CARDS-*"),
                TODAY.plusDays(30)))).review(fleet, TODAY);
        assertThat(review.coverage(cards, "route-table-shared").state()).isEqualTo(State.WAIVED);
        assertThat(review.coverage(cards, "agic-addon").state()).isEqualTo(State.OPEN);
        assertThat(review.coverage(ledger, "route-table-shared").state()).isEqualTo(State.OPEN);
        assertThat(review.waivers()).singleElement().satisfies(u -> {
            assertThat(u.status()).isEqualTo(Status.APPLIED);
            assertThat(u.matched()).isEqualTo(1);
            assertThat(u.clusters()).isEqualTo(1);
        });
    }

    @Test
    void aTagWaiverMatchesTheTagNameInAnyCaseButTheValueExactly() {
        WaiverSet set = new WaiverSet(List.of(
                waiver("route-table-shared", new ClusterSelector.ByTag("team", "cards"), TODAY),
                waiver("identity-type", new ClusterSelector.ByTag("team", "Ledger"), TODAY)));
        WaiverReview review = set.review(fleet, TODAY);
        assertThat(review.coverage(cards, "route-table-shared").waived()).isTrue();
        assertThat(review.coverage(ledger, "identity-type").waived()).isFalse();
        assertThat(review.waivers().get(1).status()).isEqualTo(Status.UNMATCHED);
    }

    @Test
    void anIdWaiverMatchesTheIdCaseInsensitively() {
        String id = ledger.cluster().id().value().toUpperCase(java.util.Locale.ROOT);
        WaiverReview review = new WaiverSet(List.of(waiver("identity-type",
                new ClusterSelector.ById(org.kubenetmigrate.planner.model.ArmId.of(id)), TODAY))).review(fleet, TODAY);
        assertThat(review.coverage(ledger, "identity-type").waived()).isTrue();
    }

    @Test
    void aWaiverAppliesOnItsExpiryDateAndIsExpiredTheDayAfter() {
        WaiverSet set = new WaiverSet(List.of(waiver("identity-type", ClusterSelector.ByName.of("aks-ledger-prod"),
                TODAY)));
        assertThat(set.review(fleet, TODAY).coverage(ledger, "identity-type").state()).isEqualTo(State.WAIVED);
        WaiverReview tomorrow = set.review(fleet, TODAY.plusDays(1));
        assertThat(tomorrow.coverage(ledger, "identity-type").state()).isEqualTo(State.WAIVER_EXPIRED);
        assertThat(tomorrow.coverage(ledger, "identity-type").waiver()).isNotNull();
        assertThat(tomorrow.waivers().get(0).status()).isEqualTo(Status.EXPIRED);
        assertThat(tomorrow.waivers().get(0).matched()).isEqualTo(1);
    }

    @Test
    void anActiveWaiverWinsOverAnExpiredOneForTheSameFinding() {
        WaiverSet set = new WaiverSet(List.of(
                waiver("identity-type", ClusterSelector.ByName.of("aks-ledger-*"), TODAY.minusDays(1)),
                waiver("identity-type", ClusterSelector.ByName.of("aks-ledger-prod"), TODAY.plusDays(1))));
        WaiverReview.Coverage c = set.review(fleet, TODAY).coverage(ledger, "identity-type");
        assertThat(c.state()).isEqualTo(State.WAIVED);
        assertThat(c.waiver().expires()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void waivedFindingsDoNotMeetTheGateButExpiredOnesAndOthersDo() {
        assertThat(Gate.met(fleet, WaiverReview.NONE, Severity.BLOCKER)).isTrue();
        WaiverSet all = new WaiverSet(List.of(
                waiver("route-table-shared", ClusterSelector.ByName.of("aks-cards-prod"), TODAY),
                waiver("identity-type", ClusterSelector.ByName.of("aks-ledger-prod"), TODAY),
                waiver("node-subnet-surge", ClusterSelector.ByName.of("aks-ledger-prod"), TODAY)));
        assertThat(Gate.met(fleet, all.review(fleet, TODAY), Severity.BLOCKER))
                .as("every blocker and the unverified blocker check are waived").isFalse();
        assertThat(Gate.met(fleet, all.review(fleet, TODAY), Severity.WARNING))
                .as("the agic-addon warning is not waived").isTrue();
        assertThat(Gate.met(fleet, all.review(fleet, TODAY.plusDays(1)), Severity.BLOCKER))
                .as("the waivers have expired").isTrue();
    }

    @Test
    void aWaiverOfAnUnverifiedCheckCoversIt() {
        WaiverReview review = new WaiverSet(List.of(waiver("node-subnet-surge",
                ClusterSelector.ByName.of("aks-ledger-prod"), TODAY))).review(fleet, TODAY);
        assertThat(review.of(ledger, ledger.unverified().get(0)).waived()).isTrue();
        assertThat(review.waivers().get(0).status()).isEqualTo(Status.APPLIED);
    }

    @Test
    void aWaiverForARuleThatFiredNowhereMatchesNothing() {
        WaiverReview review = new WaiverSet(List.of(waiver("dual-stack", ClusterSelector.ByName.of("*"), TODAY)))
                .review(fleet, TODAY);
        assertThat(review.waivers().get(0).status()).isEqualTo(Status.UNMATCHED);
        assertThat(review.count(Status.UNMATCHED)).isEqualTo(1);
    }

    @Test
    void nameGlobsTreatRegexCharactersLiterally() {
        ClusterSelector.ByName glob = ClusterSelector.ByName.of("aks.cards?prod");
        assertThat(glob.matches(cards.cluster())).isFalse();
        assertThat(ClusterSelector.ByName.of("aks-cards?prod").matches(cards.cluster())).isTrue();
    }
}
