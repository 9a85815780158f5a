package org.kubenetmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kubenetmigrate.executor.azure.ClusterOperationsProvider.LiveAccessUnavailableException;
import org.kubenetmigrate.executor.commands.UsageException;
import org.kubenetmigrate.executor.engine.JournalException;
import org.kubenetmigrate.executor.kube.KubeconfigException;
import org.kubenetmigrate.executor.rollout.HeldException;
import org.kubenetmigrate.planner.commands.ClusterNotFoundException;
import org.kubenetmigrate.planner.iac.IacSyntaxException;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.inventory.InventoryException;

/** The exception that ends a command decides its exit code and its one line, through one pure function. */
class ExceptionExitCodesTest {

    static Stream<Arguments> everyKnownException() {
        return Stream.of(
                Arguments.of(new CliException.BadInput("--state x: no such directory"), ExitCodes.INVALID_INPUT),
                Arguments.of(new CliException.Failed("Azure returned data the planner cannot read"),
                        ExitCodes.UNEXPECTED),
                Arguments.of(new CliException.OutputFailed("out.json: write failed: disk full"), ExitCodes.OUTPUT_FAILED),
                Arguments.of(new InputException("plan.json", "/steps/0/id", "missing"), ExitCodes.INVALID_INPUT),
                Arguments.of(new UsageException("run r1 was rolled back"), ExitCodes.INVALID_INPUT),
                Arguments.of(new ClusterNotFoundException("no cluster named aks9"), ExitCodes.INVALID_INPUT),
                Arguments.of(new KubeconfigException("config: no context aks1"), ExitCodes.INVALID_INPUT),
                Arguments.of(new IacSyntaxException("main.tf", 3, "unclosed block"), ExitCodes.INVALID_INPUT),
                Arguments.of(new LiveAccessUnavailableException("no credential worked", true), ExitCodes.INVALID_INPUT),
                Arguments.of(new LiveAccessUnavailableException("ARM unreachable"), ExitCodes.UNEXPECTED),
                Arguments.of(new InventoryException(InventoryException.Kind.SIGN_IN, "no credential", null),
                        ExitCodes.INVALID_INPUT),
                Arguments.of(new InventoryException(InventoryException.Kind.NOT_FOUND, "no cluster aks9", null),
                        ExitCodes.INVALID_INPUT),
                Arguments.of(new InventoryException(InventoryException.Kind.AZURE, "Resource Graph failed", null),
                        ExitCodes.UNEXPECTED),
                Arguments.of(new HeldException("cluster aks1 is held by run r1 (alice@host)"), ExitCodes.LOCK_HELD),
                Arguments.of(new JournalException("journal.jsonl: line 3 is not JSON"), ExitCodes.UNEXPECTED),
                Arguments.of(new IOException("No space left on device"), ExitCodes.UNEXPECTED),
                Arguments.of(new UncheckedIOException(new IOException("stale file handle")), ExitCodes.UNEXPECTED),
                Arguments.of(new InterruptedException(), ExitCodes.UNEXPECTED));
    }

    @ParameterizedTest(name = "{0} exits {1}")
    @MethodSource("everyKnownException")
    void everyKnownExceptionHasItsDocumentedExitCodeAndIsNoBug(Exception e, int code) {
        ExitCodes.Failure failure = ExitCodes.forException(e);
        assertThat(failure.exitCode()).isEqualTo(code);
        assertThat(failure.internal()).isFalse();
        assertThat(ExitCodes.DOCUMENTED).anyMatch(d -> d.code() == code);
    }

    @Test
    void ourOwnRefusalsAndThePlannersKeepTheirOneLineAsItIs() {
        assertThat(ExitCodes.forException(new CliException.BadInput("--state x: no such directory")).message())
                .isEqualTo("--state x: no such directory");
        InputException input = new InputException("plan.json", "/steps/0/id", "missing");
        assertThat(ExitCodes.forException(input).message()).isEqualTo(input.getMessage());
    }

    @Test
    void aFailedSignInSaysHowToSignIn() {
        assertThat(ExitCodes.forException(new LiveAccessUnavailableException("no credential worked", true)).message())
                .isEqualTo("no credential worked; " + LiveAzure.SIGN_IN_HINT);
        assertThat(ExitCodes.forException(new InventoryException(InventoryException.Kind.SIGN_IN, "no credential",
                null)).message()).isEqualTo("no credential; " + LiveAzure.NO_INPUT_HINT);
    }

    @Test
    void anExceptionWithoutAMessageIsNamedByItsType() {
        assertThat(ExitCodes.forException(new IOException()).message()).isEqualTo("IOException");
        assertThat(ExitCodes.forException(new NullPointerException()).message())
                .isEqualTo("unexpected NullPointerException");
    }

    @Test
    void anUnknownRuntimeExceptionIsAnInternalErrorNamedByItsType() {
        ExitCodes.Failure failure = ExitCodes.forException(new IllegalStateException("boom"));
        assertThat(failure.exitCode()).isEqualTo(ExitCodes.UNEXPECTED);
        assertThat(failure.internal()).isTrue();
        assertThat(failure.message()).isEqualTo("unexpected IllegalStateException: boom");
    }

    @Test
    void anInternalErrorShowsItsStackTraceOnlyWithVerbose() {
        RuntimeException bug = new IllegalStateException("boom");
        StringWriter quiet = new StringWriter();
        int quietCode = new FailureHandler(new PrintWriter(quiet, true), () -> false).handleExecutionException(bug,
                null, null);
        StringWriter verbose = new StringWriter();
        int verboseCode = new FailureHandler(new PrintWriter(verbose, true), () -> true).handleExecutionException(bug,
                null, null);

        assertThat(quietCode).isEqualTo(ExitCodes.UNEXPECTED).isEqualTo(verboseCode);
        assertThat(quiet.toString()).isEqualTo("error: unexpected IllegalStateException: boom (run with --verbose"
                + " for details)" + System.lineSeparator());
        assertThat(verbose.toString()).startsWith("error: unexpected IllegalStateException: boom"
                + System.lineSeparator()).contains("\tat ");
    }

    @Test
    void aKnownFailureIsOneLineEvenWithVerbose() {
        StringWriter err = new StringWriter();
        int code = new FailureHandler(new PrintWriter(err, true), () -> true).handleExecutionException(
                new CliException.BadInput("waivers.yaml: /waivers/0/rule: unknown rule 'x'"), null, null);
        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString().lines()).containsExactly("error: waivers.yaml: /waivers/0/rule: unknown rule 'x'");
    }

    @Test
    void everySubtypeOfOurOwnHierarchyIsAmongTheCasesAbove() {
        List<Class<?>> tested = everyKnownException().<Class<?>>map(a -> a.get()[0].getClass()).collect(Collectors.toList());
        assertThat(tested).contains(CliException.class.getPermittedSubclasses());
    }
}
