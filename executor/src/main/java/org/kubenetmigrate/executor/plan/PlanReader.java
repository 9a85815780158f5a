package org.kubenetmigrate.executor.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.plan.ArmRequest;
import org.kubenetmigrate.planner.plan.Compensation;
import org.kubenetmigrate.planner.plan.Fingerprint;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.plan.Stage;
import org.kubenetmigrate.planner.plan.Step;

/**
 * Reads a {@code plan -o json} file (docs/schema/plan-v1.schema.json) back into an {@link ExecutablePlan},
 * refusing anything the executor could misread: another schema version or kind, a strategy it does not run, an
 * unknown step id, a write to anything but the planned cluster. Never guesses a missing field.
 */
public final class PlanReader {
    /** The plan schema version this executor reads. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Set<String> knownStepIds;

    /**
     * @param knownStepIds the step ids this executor has an implementation for; any other id is refused
     */
    public PlanReader(Set<String> knownStepIds) {
        this.knownStepIds = Set.copyOf(knownStepIds);
    }

    public ExecutablePlan read(Path file) throws InputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "", "no such file");
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot read: " + e.getMessage());
        }
        return read(file.toString(), bytes);
    }

    public ExecutablePlan read(String file, byte[] bytes) throws InputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InputException(file, "", "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new InputException(file, "", "cannot read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new InputException(file, "", "empty file; expected a plan written by 'plan -o json'");
        }
        PlanFields plan = new PlanFields(file, "", root);
        int schema = plan.requiredInt("schemaVersion");
        if (schema != SCHEMA_VERSION) {
            throw plan.error("schemaVersion", "unsupported schema version " + schema + "; this executor reads "
                    + SCHEMA_VERSION + " (re-plan with this version of the tool)");
        }
        String kind = plan.string("kind");
        if (!"plan".equals(kind)) {
            throw plan.error("kind", "expected \"plan\", found " + (kind == null ? "nothing" : "\"" + kind + "\"")
                    + ": apply takes the output of 'plan -o json', not a report");
        }
        String clusterId = plan.requiredString("id");
        if (!clusterId.toLowerCase(Locale.ROOT).contains("/providers/microsoft.containerservice/managedclusters/")) {
            throw plan.error("id", "expected the ARM id of a managed cluster, found \"" + clusterId + "\"");
        }
        String strategy = plan.requiredString("strategy");
        if (!MigrationPlan.IN_PLACE_OVERLAY.equals(strategy)) {
            throw plan.error("strategy", "the executor runs \"" + MigrationPlan.IN_PLACE_OVERLAY + "\" plans only, found \""
                    + strategy + "\"" + (MigrationPlan.BLUE_GREEN_POD_SUBNET.equals(strategy)
                    ? " (a blue/green plan is a supervised manual procedure; follow its steps by hand)" : ""));
        }
        Fingerprint fingerprint = fingerprint(plan.requiredObject("fingerprint"));
        PlanFields network = plan.requiredObject("network");
        PlanFields target = plan.requiredObject("target");
        List<Stage> stages = stages(plan, clusterId);
        return new ExecutablePlan(sha256(bytes), file, schema, clusterId, plan.requiredString("name"),
                plan.requiredString("resourceGroup"), strategy, fingerprint, plan.string("readiness"),
                new ExecutablePlan.Network(network.string("podCidr"), network.string("policy"), network.string("dataplane")),
                new ExecutablePlan.Network(target.string("podCidr"), target.string("networkPolicy"), target.string("dataplane")),
                stages);
    }

    private static Fingerprint fingerprint(PlanFields f) throws InputException {
        String hash = f.requiredString("propertiesHash");
        if (!hash.matches("sha256:[0-9a-f]{64}")) {
            throw f.error("propertiesHash", "expected sha256:<64 hex digits>, found \"" + hash + "\"");
        }
        return new Fingerprint(f.string("etag"), hash, f.strings("properties"));
    }

    private List<Stage> stages(PlanFields plan, String clusterId) throws InputException {
        List<Stage> stages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int pointsOfNoReturn = 0;
        for (PlanFields stage : plan.objects("stages")) {
            List<Step> steps = new ArrayList<>();
            for (PlanFields step : stage.objects("steps")) {
                Step read = step(step, clusterId);
                if (!seen.add(read.id())) {
                    throw step.error("id", "step \"" + read.id() + "\" appears twice");
                }
                if (read.pointOfNoReturn()) {
                    pointsOfNoReturn++;
                }
                steps.add(read);
            }
            stages.add(new Stage(stage.requiredString("id"), stage.requiredString("title"), steps));
        }
        if (seen.isEmpty()) {
            throw plan.error("stages", "the plan has no steps");
        }
        if (pointsOfNoReturn > 1) {
            throw plan.error("stages", "more than one step is marked pointOfNoReturn");
        }
        return stages;
    }

    private Step step(PlanFields step, String clusterId) throws InputException {
        String id = step.requiredString("id");
        if (!knownStepIds.contains(id)) {
            throw step.error("id", "unknown step \"" + id + "\"; this executor runs " + String.join(", ",
                    knownStepIds.stream().sorted().toList()));
        }
        if (step.requiredBoolean("manual")) {
            throw step.error("manual", "manual steps are not run by the executor");
        }
        ArmRequest request = request(step, "request", clusterId);
        Compensation compensation = null;
        PlanFields c = step.object("compensation");
        if (c != null) {
            compensation = new Compensation(c.requiredString("description"), request(c, "request", clusterId),
                    c.string("azCli"));
        }
        // Added within schema 1: a plan written before it has no such step.
        boolean changesCluster = step.node().has("changesCluster") && step.requiredBoolean("changesCluster");
        try {
            return new Step(id, step.requiredString("title"), step.requiredString("description"),
                    step.requiredBoolean("reversible"), step.requiredBoolean("pointOfNoReturn"),
                    step.requiredBoolean("requiresApproval"), false, request, step.string("azCli"), compensation,
                    changesCluster);
        } catch (IllegalArgumentException e) {
            throw new InputException(step.file(), step.pointer(), e.getMessage());
        }
    }

    private static ArmRequest request(PlanFields owner, String key, String clusterId) throws InputException {
        PlanFields r = owner.object(key);
        if (r == null) {
            return null;
        }
        Map<String, Object> body = null;
        JsonNode bodyNode = r.node().get("body");
        if (bodyNode != null && !bodyNode.isNull()) {
            if (!bodyNode.isObject()) {
                throw r.error("body", "expected an object, found " + PlanFields.describe(bodyNode));
            }
            body = toMap(bodyNode);
        }
        ArmRequest request;
        try {
            request = new ArmRequest(r.requiredString("method"), r.requiredString("path"), r.requiredString("apiVersion"),
                    r.stringMap("headers"), body, r.requiredString("bodyMode"));
        } catch (IllegalArgumentException e) {
            throw new InputException(r.file(), r.pointer(), e.getMessage());
        }
        if (request.mutating()) {
            // The executor writes to the planned cluster only, and only by merging into a fresh read.
            if (!request.path().equalsIgnoreCase(clusterId)) {
                throw r.error("path", "a write to \"" + request.path() + "\", which is not the planned cluster "
                        + clusterId);
            }
            if (!"PUT".equals(request.method()) || !ArmRequest.MERGE_INTO_CURRENT.equals(request.bodyMode())) {
                throw r.error("bodyMode", "the executor sends cluster updates as PUT with bodyMode \""
                        + ArmRequest.MERGE_INTO_CURRENT + "\" only, found " + request.method() + " \""
                        + request.bodyMode() + "\"");
            }
        }
        return request;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return MAPPER.convertValue(node, LinkedHashMap.class);
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException(e);
        }
    }
}
