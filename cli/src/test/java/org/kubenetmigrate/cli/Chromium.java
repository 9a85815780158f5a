package org.kubenetmigrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kubenetmigrate.testsupport.MissingTool;

/**
 * Debian's chromium and chromedriver for the browser tests, at {@code /usr/bin} unless {@code -Dchromium.bin=…} and
 * {@code -Dchromedriver.bin=…} say otherwise. Missing: the test class is skipped with the reason outside CI and fails
 * in CI ({@link MissingTool}), so the HTML report's security checks cannot silently not run there.
 */
final class Chromium implements ExecutionCondition, BeforeAllCallback {
    static final Path CHROMIUM = Path.of(System.getProperty("chromium.bin", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.bin", "/usr/bin/chromedriver"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return MissingTool.skipOutsideCi(missing());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        MissingTool.failInCi(missing());
    }

    static Optional<String> missing() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return Optional.empty();
        }
        return Optional.of(CHROMIUM + " or " + CHROMEDRIVER + " is not installed, so the browser tests cannot run"
                + " (apt-get install chromium chromium-driver; .ci/run does this)");
    }
}
