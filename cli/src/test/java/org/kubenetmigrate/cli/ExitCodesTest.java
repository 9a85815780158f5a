package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.planner.assessment.ClusterAssessment;
import org.kubenetmigrate.planner.assessment.FleetAssessment;
import org.kubenetmigrate.planner.rules.Finding;
import org.kubenetmigrate.planner.rules.Readiness;
import org.kubenetmigrate.planner.rules.Severity;
import org.kubenetmigrate.planner.rules.Unverified;

class ExitCodesTest {

    private static FleetAssessment fleetWith(List<Finding> findings, List<Unverified> unverified) {
        ClusterAssessment c = new ClusterAssessment(null, null, Readiness.of(true, findings, unverified), findings,
                unverified, null, null);
        return new FleetAssessment(Instant.EPOCH, List.of(c));
    }

    private static Finding finding(Severity severity) {
        return new Finding("some-rule", severity, "m", "r", "https://example.invalid");
    }

    @Test
    void aWaivedBlockerDoesNotMeetTheGateButAnExpiredWaiverDoes() {
        org.kubenetmigrate.planner.model.ManagedCluster cluster = new org.kubenetmigrate.planner.model.ManagedCluster(
                org.kubenetmigrate.planner.model.ArmId.of("/subscriptions/s/resourceGroups/rg/providers/"
                        + "Microsoft.ContainerService/managedClusters/aks-x"), "aks-x", "s", "rg", "westeurope", "1.31.5",
                "1.31.5", org.kubenetmigrate.planner.model.ProvisioningState.parse("Succeeded"), "Running", null, null,
                List.of(), false, false, false, null, null,
                java.util.Map.of(), null);
        Finding blocker = new Finding("identity-type", Severity.BLOCKER, "m", "r", "https://example.invalid");
        FleetAssessment fleet = new FleetAssessment(Instant.EPOCH, List.of(new ClusterAssessment(cluster, null,
                Readiness.BLOCKED, List.of(blocker), List.of(), null, null)));
        org.kubenetmigrate.planner.waivers.WaiverSet waivers = new org.kubenetmigrate.planner.waivers.WaiverSet(List.of(
                new org.kubenetmigrate.planner.waivers.Waiver("identity-type",
                        org.kubenetmigrate.planner.waivers.ClusterSelector.ByName.of("aks-*"), "accepted", "owner",
                        java.time.LocalDate.of(1970, 1, 1), "w.yaml /waivers/0")));
        java.util.function.Function<java.time.LocalDate, Integer> exitOn = day -> ExitCodes.forReport(
                new org.kubenetmigrate.planner.report.FleetReport(fleet, waivers.review(fleet, day), null, List.of(),
                        "overlay", null, Severity.BLOCKER));
        assertThat(exitOn.apply(java.time.LocalDate.of(1970, 1, 1))).isEqualTo(ExitCodes.OK);
        assertThat(exitOn.apply(java.time.LocalDate.of(1970, 1, 2))).isEqualTo(ExitCodes.THRESHOLD_MET);
    }

    @Test
    void withoutFailOnTheExitCodeIsZeroWhateverTheFindings() {
        assertThat(ExitCodes.forReport(fleetWith(List.of(finding(Severity.BLOCKER)), List.of()), null)).isZero();
    }

    @Test
    void failOnBlockerIgnoresActionsAndWarnings() {
        FleetAssessment fleet = fleetWith(List.of(finding(Severity.ACTION), finding(Severity.WARNING)), List.of());
        assertThat(ExitCodes.forReport(fleet, Severity.BLOCKER)).isEqualTo(ExitCodes.OK);
        assertThat(ExitCodes.forReport(fleet, Severity.ACTION)).isEqualTo(ExitCodes.THRESHOLD_MET);
    }

    @Test
    void failOnWarningTripsOnAnyBlockerActionOrWarningButNotInfo() {
        assertThat(ExitCodes.forReport(fleetWith(List.of(finding(Severity.INFO)), List.of()), Severity.WARNING))
                .isEqualTo(ExitCodes.OK);
        assertThat(ExitCodes.forReport(fleetWith(List.of(finding(Severity.BLOCKER)), List.of()), Severity.WARNING))
                .isEqualTo(ExitCodes.THRESHOLD_MET);
    }

    @Test
    void aCheckThatCouldNotRunButCouldBlockTripsTheBlockerGate() {
        Unverified missing = new Unverified("route-table-shared", "route table not in the input", Severity.BLOCKER);
        assertThat(ExitCodes.forReport(fleetWith(List.of(), List.of(missing)), Severity.BLOCKER))
                .isEqualTo(ExitCodes.THRESHOLD_MET);
        Unverified warningOnly = new Unverified("route-table-egress", "route table not in the input", Severity.WARNING);
        assertThat(ExitCodes.forReport(fleetWith(List.of(), List.of(warningOnly)), Severity.BLOCKER))
                .isEqualTo(ExitCodes.OK);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} exits {1}")
    @org.junit.jupiter.params.provider.CsvSource({"COMPLETED,0", "DRY_RUN,0", "ROLLED_BACK,0", "STALE_PLAN,4",
        "STOPPED_AT_GATE,5", "STEP_FAILED,6", "LOCK_HELD,7", "ROLLBACK_REFUSED,8"})
    void everyRunOutcomeHasItsDocumentedExitCode(org.kubenetmigrate.executor.engine.RunOutcome outcome, int code) {
        assertThat(ExitCodes.forRun(outcome)).isEqualTo(code);
        if (code > 3) {
            assertThat(ExitCodes.HELP_TEXT).contains(code + " ");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "command exit {0}, stdout {1} -> {2}")
    @org.junit.jupiter.params.provider.CsvSource({"0,WRITTEN,0", "3,WRITTEN,3", "0,READER_GONE,0", "3,READER_GONE,3",
        "0,FAILED,9", "3,FAILED,9", "2,FAILED,9"})
    void aFailedWriteToStdoutExits9AndAClosedPipeChangesNothing(int command, OutputState stdout, int expected) {
        assertThat(ExitCodes.withOutput(command, stdout)).isEqualTo(expected);
        assertThat(ExitCodes.HELP_TEXT).contains("9 output could not be written");
    }

    @org.junit.jupiter.api.Test
    void brokenPipeIsAReaderGoneAndAnythingElseAFailure() {
        assertThat(OutputState.of(true, new java.io.IOException("Broken pipe"))).isEqualTo(OutputState.READER_GONE);
        assertThat(OutputState.of(true, new java.io.IOException("No space left on device")))
                .isEqualTo(OutputState.FAILED);
        assertThat(OutputState.of(true, null)).isEqualTo(OutputState.FAILED);
        assertThat(OutputState.of(false, null)).isEqualTo(OutputState.WRITTEN);
    }
}
