package org.kubenetmigrate.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * AKS run-command, stateful: {@code POST …/managedClusters/{name}/runCommand} records the command and answers 202
 * with a {@code Location} of {@code …/commandResults/{id}}; each {@code GET} of that answers 202 (running, with
 * {@code Retry-After}) for {@link #runningPolls} polls, then 200 with the outcome the responder chose for the
 * command: Succeeded with the command's output as {@code logs}, or Failed. ARM-level faults (403, 409 for a
 * stopped cluster, dropped connections) come from {@link FakeArm#fault} with {@link #isRunCommand()}.
 */
public final class AksRunCommandRoutes {
    private static final String CLUSTER = "(/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.ContainerService"
            + "/managedClusters/[^/]+)";

    /** How a command ends. */
    public record Outcome(String provisioningState, Integer exitCode, String logs, String reason) {
        public static Outcome succeeded(String logs) {
            return new Outcome("Succeeded", 0, logs, "");
        }

        /** The command ran and exited non-zero (kubectl's error in the logs). */
        public static Outcome exited(int exitCode, String logs) {
            return new Outcome("Succeeded", exitCode, logs, "");
        }

        /** AKS could not run the command at all (provisioningState Failed). */
        public static Outcome failed(String reason) {
            return new Outcome("Failed", null, "", reason);
        }
    }

    private record Pending(Outcome outcome, int[] pollsLeft) {
    }

    private final FakeArm fake;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private volatile Function<String, Outcome> responder =
            command -> Outcome.exited(1, "error: the fake has no answer for '" + command + "'");
    private volatile int runningPolls = 1;
    private volatile int retryAfterSeconds = 2;

    private AksRunCommandRoutes(FakeArm fake) {
        this.fake = fake;
    }

    public static AksRunCommandRoutes install(FakeArm fake) {
        AksRunCommandRoutes routes = new AksRunCommandRoutes(fake);
        fake.route("POST", CLUSTER + "/runCommand", (req, m) -> routes.submit(req, m.group(1)));
        fake.route("GET", CLUSTER + "/commandResults/([^/]+)", (req, m) -> routes.poll(m.group(1), m.group(2)));
        return routes;
    }

    /** Chooses each command's outcome (by default: exit 1). */
    public void respond(Function<String, Outcome> responder) {
        this.responder = responder;
    }

    /** How many polls answer 202 before the result (default 1); a huge number never finishes. */
    public void runningPolls(int polls) {
        this.runningPolls = polls;
    }

    /** The Retry-After the 202 answers carry (default 2 s). */
    public void retryAfterSeconds(int seconds) {
        this.retryAfterSeconds = seconds;
    }

    /** Commands submitted, in order. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** Selects run-command submissions, for {@link FakeArm#fault}. */
    public static Predicate<RecordedRequest> isRunCommand() {
        return r -> "POST".equals(r.method()) && r.path().toLowerCase(java.util.Locale.ROOT).endsWith("/runcommand");
    }

    /** Selects polls of command results, for {@link FakeArm#fault}. */
    public static Predicate<RecordedRequest> isCommandResult() {
        return r -> "GET".equals(r.method()) && r.path().toLowerCase(java.util.Locale.ROOT).contains("/commandresults/");
    }

    private FakeResponse submit(RecordedRequest request, String cluster) {
        ObjectNode body = FakeArm.bodyObject(request);
        String command = body.path("command").asText("");
        if (command.isBlank()) {
            return FakeResponse.error(400, "InvalidParameter", "command is required (fake).");
        }
        commands.add(command);
        String id = UUID.randomUUID().toString().replace("-", "");
        pending.put(id, new Pending(responder.apply(command), new int[] {runningPolls}));
        return running(cluster, id);
    }

    private FakeResponse poll(String cluster, String id) {
        Pending p = pending.get(id);
        if (p == null) {
            return FakeResponse.notFound(cluster + "/commandResults/" + id);
        }
        synchronized (p) {
            if (p.pollsLeft()[0] > 0) {
                p.pollsLeft()[0]--;
                return running(cluster, id);
            }
        }
        Outcome o = p.outcome();
        ObjectNode props = Json.object().put("provisioningState", o.provisioningState())
                .put("startedAt", Instant.now().toString()).put("finishedAt", Instant.now().toString())
                .put("logs", o.logs()).put("reason", o.reason());
        if (o.exitCode() != null) {
            props.put("exitCode", o.exitCode());
        }
        ObjectNode result = Json.object().put("id", id);
        result.set("properties", props);
        return FakeResponse.ok(result);
    }

    private FakeResponse running(String cluster, String id) {
        String location = fake.baseUrl() + cluster.substring(1) + "/commandResults/" + id + "?api-version=2025-09-01";
        return new FakeResponse(202, Map.of("Location", location, "Retry-After", Integer.toString(retryAfterSeconds)), "");
    }
}
