package org.kubenetmigrate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.List;
import java.util.Map;

/**
 * The CLI's logging, set up in code (found by logback through {@code META-INF/services}) rather than from an XML file:
 * parsing logback.xml loaded about 600 classes and took a fifth of a second of CPU on every command that logs.
 * stdout carries only the requested format, so every log line goes to stderr. {@code -Dlogback.configurationFile}
 * still wins.
 */
public final class LoggingSetup extends ContextAwareBase implements Configurator {
    /**
     * A failed sign-in is one line from the CLI; the credential chain's own lines (one per credential tried, MSAL's,
     * the token cache's) appear only with -v (see {@link Main}), and MSAL never below WARN: its debug output is about
     * tokens.
     */
    static final List<String> SIGN_IN_LOGGERS = List.of("com.microsoft.aad", "com.azure.identity",
            "com.azure.core.implementation.AccessTokenCache");

    private static final Map<String, Level> LEVELS = Map.of(
            // The JDK client warns on every request with a body that content-length is restricted; harmless.
            "com.azure.core.http.jdk.httpclient.JdkHttpClient", Level.ERROR,
            "com.azure", Level.WARN,
            // Pinned, so that -v (root at DEBUG) never turns on the Kubernetes client's request logging.
            "io.fabric8", Level.WARN,
            // Its "retry attempts exhausted" line repeats the one-line error the CLI prints anyway.
            "com.azure.core.http.policy.RetryPolicy", Level.OFF,
            "io.github.resilience4j", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getStatusManager().add(new NopStatusListener());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{0}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        SIGN_IN_LOGGERS.forEach(name -> context.getLogger(name).setLevel(Level.OFF));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
