package org.kubenetmigrate.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    private static Finding finding(Severity severity) {
        return new Finding("r-" + severity, severity, "m", "fix", "https://example.invalid");
    }

    private static Unverified unverified(Severity couldBe) {
        return new Unverified("u-" + couldBe, "missing", couldBe);
    }

    @Test
    void notKubenetWinsOverEverything() {
        assertThat(Readiness.of(false, List.of(finding(Severity.BLOCKER)), List.of(unverified(Severity.BLOCKER))))
                .isEqualTo(Readiness.NOT_APPLICABLE);
    }

    @Test
    void blockerWinsOverUnverified() {
        assertThat(Readiness.of(true, List.of(finding(Severity.BLOCKER), finding(Severity.ACTION)),
                List.of(unverified(Severity.BLOCKER)))).isEqualTo(Readiness.BLOCKED);
    }

    @Test
    void unverifiedBlockerOrActionIsIncompleteEvenWithActions() {
        assertThat(Readiness.of(true, List.of(), List.of(unverified(Severity.BLOCKER))))
                .isEqualTo(Readiness.INCOMPLETE);
        assertThat(Readiness.of(true, List.of(finding(Severity.ACTION)), List.of(unverified(Severity.ACTION))))
                .isEqualTo(Readiness.INCOMPLETE);
    }

    @Test
    void unverifiedWarningOrInfoDoesNotMakeItIncomplete() {
        assertThat(Readiness.of(true, List.of(), List.of(unverified(Severity.WARNING), unverified(Severity.INFO))))
                .isEqualTo(Readiness.READY);
        assertThat(Readiness.of(true, List.of(finding(Severity.ACTION)), List.of(unverified(Severity.WARNING))))
                .isEqualTo(Readiness.ACTIONS_REQUIRED);
    }

    @Test
    void actionsRequiredThenReady() {
        assertThat(Readiness.of(true, List.of(finding(Severity.WARNING), finding(Severity.ACTION)), List.of()))
                .isEqualTo(Readiness.ACTIONS_REQUIRED);
        assertThat(Readiness.of(true, List.of(finding(Severity.WARNING), finding(Severity.INFO)), List.of()))
                .isEqualTo(Readiness.READY);
        assertThat(Readiness.of(true, List.of(), List.of())).isEqualTo(Readiness.READY);
    }

    @Test
    void constantsAreInDecisionOrder() {
        assertThat(Readiness.values()).containsExactly(Readiness.NOT_APPLICABLE, Readiness.BLOCKED,
                Readiness.INCOMPLETE, Readiness.ACTIONS_REQUIRED, Readiness.READY);
    }
}
