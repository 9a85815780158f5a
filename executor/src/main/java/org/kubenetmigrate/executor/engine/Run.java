package org.kubenetmigrate.executor.engine;

import java.nio.file.Path;
import java.util.Objects;
import org.kubenetmigrate.executor.plan.ExecutablePlan;

/**
 * One execution of a plan, identified by its run id, with its directory in the state directory.
 *
 * <p>Directory layout ({@code <state>/runs/<runId>/}):
 * <pre>
 *   plan.json            the plan applied, byte for byte (resume and rollback read this copy)
 *   journal.jsonl        the journal
 *   audit.jsonl          the audit log: one JSON record per mutating request
 *   backup/              cluster.json, agent-pools.json, route-tables/*.json, manifest.json (written by backup)
 *   .session.lock        locked by the process running the run, so two processes never run it at once
 * </pre>
 *
 * @param id the run id
 * @param plan the plan, read from the run's own copy
 * @param dir the run directory
 */
public record Run(String id, ExecutablePlan plan, Path dir) {

    public static final String PLAN_FILE = "plan.json";
    public static final String AUDIT_FILE = "audit.jsonl";
    public static final String BACKUP_DIR = "backup";
    static final String SESSION_FILE = ".session.lock";

    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(dir, "dir");
    }

    public Path journalFile() {
        return dir.resolve(Journal.FILE_NAME);
    }

    public Path planFile() {
        return dir.resolve(PLAN_FILE);
    }

    public Path auditFile() {
        return dir.resolve(AUDIT_FILE);
    }

    public Path backupDir() {
        return dir.resolve(BACKUP_DIR);
    }
}
