package org.kubenetmigrate.executor.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.kubenetmigrate.planner.report.OutputFiles;

/**
 * {@value #NAME} in a run directory: when a run waiting in {@code settle-identity} may go on, written atomically by
 * the step before it waits and read by {@code status}. Holds no secret (identity id, principal id, times).
 */
public final class SettleIdentityFile {
    public static final String NAME = "identity-settle.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SettleIdentityFile() {
    }

    static void write(Path runDir, String identity, String principalId, Instant since, Instant notBefore)
            throws IOException {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("identity", identity);
        json.put("principalId", principalId);
        json.put("since", since.toString());
        json.put("notBefore", notBefore.toString());
        OutputFiles.writeAtomically(runDir.resolve(NAME), json.toPrettyString() + "\n");
    }

    /** When the run may go on; empty when the step has not written the file (or it is unreadable). */
    public static Optional<Instant> notBefore(Path runDir) {
        Path file = runDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(MAPPER.readTree(file.toFile()).path("notBefore").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
