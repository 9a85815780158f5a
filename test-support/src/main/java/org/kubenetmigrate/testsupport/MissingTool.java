package org.kubenetmigrate.testsupport;

import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * What a test class does when a tool it needs (a browser, the Blob Storage emulator) is not installed. Outside CI the
 * class is reported as skipped, with the reason and how to install the tool; in CI ({@code CI=true}, as
 * {@code .ci/run} runs) it runs and fails, so a build whose browser or storage tests silently ran nothing cannot
 * pass. Used from an extension's {@code ExecutionCondition} (the skip) and its {@code beforeAll} (the failure).
 */
public final class MissingTool {
    private MissingTool() {
    }

    /** True when running in CI, where a missing tool is a failure. */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Run when the tool is there, or in CI (where {@link #failInCi} then fails the class); otherwise skip the class
     * with the reason, which surefire reports beside the skipped tests.
     *
     * @param missing why the tool cannot be used, with how to install it; empty when it is there
     */
    public static ConditionEvaluationResult skipOutsideCi(Optional<String> missing) {
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("installed");
        }
        if (inCi()) {
            return ConditionEvaluationResult.enabled("in CI a missing tool fails the tests: " + missing.get());
        }
        return ConditionEvaluationResult.disabled("skipped: " + missing.get());
    }

    /** Fails in CI when the tool is missing; call first in the extension's {@code beforeAll}. */
    public static void failInCi(Optional<String> missing) {
        if (missing.isPresent() && inCi()) {
            Assertions.fail(missing.get() + "; in CI (CI=true) these tests must run");
        }
    }
}
