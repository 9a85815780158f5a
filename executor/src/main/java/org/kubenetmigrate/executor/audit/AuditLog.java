package org.kubenetmigrate.executor.audit;

import static net.logstash.logback.argument.StructuredArguments.kv;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.time.Instant;
import net.logstash.logback.encoder.LogstashEncoder;
import org.kubenetmigrate.executor.engine.Actor;
import org.kubenetmigrate.executor.engine.EngineEvent;
import org.kubenetmigrate.executor.engine.EngineListener;
import org.slf4j.LoggerFactory;

/**
 * The audit log: one JSON record per mutating request, and one per risk the operator accepted with a flag (who, when, what, result, Azure request and correlation ids),
 * written through Logback with logstash-logback-encoder to the run's {@code audit.jsonl}. Its appender is attached
 * here, per run, so that no logging configuration can switch it off, and detached on {@link #close}.
 */
public final class AuditLog implements EngineListener, AutoCloseable {
    private final Logger logger;
    private final FileAppender<ILoggingEvent> appender;
    private final String clusterId;
    private final Actor actor;

    private AuditLog(Logger logger, FileAppender<ILoggingEvent> appender, String clusterId, Actor actor) {
        this.logger = logger;
        this.appender = appender;
        this.clusterId = clusterId;
        this.actor = actor;
    }

    public static AuditLog open(Path file, String runId, String clusterId, Actor actor) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("the audit log needs Logback as the SLF4J binding");
        }
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setIncludeContext(false);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("audit-" + runId);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setImmediateFlush(true);
        appender.setEncoder(encoder);
        appender.start();
        // One logger per run, so that runs in one process (tests) never write into each other's file.
        Logger logger = context.getLogger("org.kubenetmigrate.audit." + runId);
        logger.setAdditive(false);
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        return new AuditLog(logger, appender, clusterId, actor);
    }

    @Override
    public void on(EngineEvent event) {
        if (event instanceof EngineEvent.OperatorAccepted a) {
            logger.info("{} {} {}: {}", kv("event", "operator-acceptance"), kv("flag", a.flag()),
                    kv("stepId", a.stepId()), kv("accepted", a.accepted()),
                    kv("runId", a.runId()),
                    kv("clusterId", clusterId),
                    kv("who", actor.user()),
                    kv("principal", actor.principal()),
                    kv("host", actor.host()),
                    kv("at", a.time().toString()));
            return;
        }
        if (event instanceof EngineEvent.RequestFinished e) {
            log(e.runId(), e.stepId(), e.purpose(), e.method(), e.url(), e.ifMatch(), e.sentAt(), e.time(), e.result(),
                    e.errorCode(), e.errorMessage(), e.requestId(), e.correlationId());
        } else if (event instanceof EngineEvent.RequestFailed e) {
            log(e.runId(), e.stepId(), e.purpose(), e.method(), e.url(), e.ifMatch(), e.time(), e.time(), e.result(),
                    e.code(), e.error(), e.requestId(), e.correlationId());
        }
    }

    private void log(String runId, String stepId, String purpose, String method, String url, String ifMatch,
                     Instant sentAt, Instant finishedAt, String result, String errorCode, String errorMessage,
                     String requestId, String correlationId) {
        logger.info("{} {} {}: {}", kv("method", method), kv("url", url), kv("stepId", stepId),
                kv("result", result),
                kv("event", "mutating-request"),
                kv("runId", runId),
                kv("clusterId", clusterId),
                kv("purpose", purpose),
                kv("who", actor.user()),
                kv("principal", actor.principal()),
                kv("host", actor.host()),
                kv("sentAt", sentAt == null ? null : sentAt.toString()),
                kv("finishedAt", finishedAt.toString()),
                kv("ifMatch", ifMatch),
                kv("errorCode", errorCode),
                kv("errorMessage", errorMessage),
                kv("azureRequestId", requestId),
                kv("azureCorrelationId", correlationId));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
