package org.kubenetmigrate.planner.planfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.model.Dataplane;
import org.kubenetmigrate.planner.model.NetworkPolicy;
import org.kubenetmigrate.planner.plan.ArmRequest;
import org.kubenetmigrate.planner.plan.Compensation;
import org.kubenetmigrate.planner.plan.Fingerprint;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.plan.Stage;
import org.kubenetmigrate.planner.plan.Step;
import org.kubenetmigrate.planner.report.AssessmentJson;

/**
 * The plan file (docs/schema/plan-v1.schema.json), both ways: the planner writes a {@link MigrationPlan} with
 * {@link #write} and the executor reads it back with {@link #read}. One place for every field name, so that what
 * one side writes is what the other reads. Reading never guesses a missing field; every problem names the file and
 * the JSON pointer.
 */
public final class PlanCodec {
    /** The plan schema version written and read. */
    public static final int SCHEMA_VERSION = AssessmentJson.SCHEMA_VERSION;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlanCodec() {
    }

    // ---- writing ----

    /** The plan as schema-1 JSON: the cluster object of the report plus fingerprint, strategy, notes and stages. */
    public static ObjectNode write(MigrationPlan plan, Instant generatedAt) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("kind", "plan");
        root.put("generatedAt", generatedAt.toString());
        root.setAll(AssessmentJson.cluster(plan.assessment()));
        root.set("fingerprint", fingerprint(plan.fingerprint()));
        root.put("strategy", plan.strategy().id());
        ArrayNode notes = root.putArray("notes");
        plan.notes().forEach(notes::add);
        ArrayNode stages = root.putArray("stages");
        for (Stage stage : plan.stages()) {
            ObjectNode s = stages.addObject();
            s.put("id", stage.id());
            s.put("title", stage.title());
            ArrayNode steps = s.putArray("steps");
            stage.steps().forEach(step -> steps.add(step(step)));
        }
        return root;
    }

    private static ObjectNode fingerprint(Fingerprint f) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("etag", f.etag());
        node.put("propertiesHash", f.propertiesHash());
        ArrayNode properties = node.putArray("properties");
        f.properties().forEach(properties::add);
        return node;
    }

    private static ObjectNode step(Step step) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", step.id());
        node.put("title", step.title());
        node.put("description", step.description());
        node.put("reversible", step.reversible());
        node.put("pointOfNoReturn", step.pointOfNoReturn());
        node.put("requiresApproval", step.requiresApproval());
        node.put("manual", step.manual());
        node.set("request", request(step.request()));
        node.put("azCli", step.azCli());
        node.put("changesCluster", step.changesCluster());
        if (step.patch() != null) {
            node.put("patch", step.patch());
        }
        Compensation c = step.compensation();
        if (c == null) {
            node.putNull("compensation");
        } else {
            ObjectNode comp = node.putObject("compensation");
            comp.put("description", c.description());
            comp.set("request", request(c.request()));
            comp.put("azCli", c.azCli());
        }
        return node;
    }

    private static JsonNode request(ArmRequest request) {
        if (request == null) {
            return MAPPER.nullNode();
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("method", request.method());
        node.put("path", request.path());
        node.put("apiVersion", request.apiVersion());
        node.put("url", request.target());
        ObjectNode headers = node.putObject("headers");
        request.headers().forEach(headers::put);
        node.set("body", request.body() == null ? MAPPER.nullNode() : MAPPER.valueToTree(request.body()));
        node.put("bodyMode", request.bodyMode());
        return node;
    }

    // ---- reading ----

    /** Reads a plan file's bytes; {@code file} names it in messages. */
    public static PlanDocument read(String file, byte[] bytes) throws InputException {
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
        PlanFields network = plan.requiredObject("network");
        PlanFields target = plan.requiredObject("target");
        return new PlanDocument(schema, plan.requiredString("id"), plan.requiredString("name"),
                plan.requiredString("resourceGroup"), plan.requiredString("strategy"),
                fingerprint(plan.requiredObject("fingerprint")), plan.string("readiness"),
                new PlanDocument.Network(network.string("podCidr"), NetworkPolicy.parse(network.string("policy")),
                        Dataplane.parse(network.string("dataplane"))),
                new PlanDocument.Network(target.string("podCidr"), NetworkPolicy.parse(target.string("networkPolicy")),
                        Dataplane.parse(target.string("dataplane"))),
                stages(plan));
    }

    private static Fingerprint fingerprint(PlanFields f) throws InputException {
        String hash = f.requiredString("propertiesHash");
        if (!hash.matches("sha256:[0-9a-f]{64}")) {
            throw f.error("propertiesHash", "expected sha256:<64 hex digits>, found \"" + hash + "\"");
        }
        return new Fingerprint(f.string("etag"), hash, f.strings("properties"));
    }

    private static List<Stage> stages(PlanFields plan) throws InputException {
        List<Stage> stages = new ArrayList<>();
        for (PlanFields stage : plan.objects("stages")) {
            List<Step> steps = new ArrayList<>();
            for (PlanFields step : stage.objects("steps")) {
                steps.add(step(step));
            }
            stages.add(new Stage(stage.requiredString("id"), stage.requiredString("title"), steps));
        }
        return stages;
    }

    private static Step step(PlanFields step) throws InputException {
        String id = step.requiredString("id");
        ArmRequest request = request(step, "request");
        Compensation compensation = null;
        PlanFields c = step.object("compensation");
        if (c != null) {
            compensation = new Compensation(c.requiredString("description"), request(c, "request"), c.string("azCli"));
        }
        // Added within schema 1: a plan written before it has no such field.
        boolean changesCluster = step.node().has("changesCluster") && step.requiredBoolean("changesCluster");
        try {
            return Step.fromFlags(id, step.requiredString("title"), step.requiredString("description"),
                    step.requiredBoolean("reversible"), step.requiredBoolean("pointOfNoReturn"),
                    step.requiredBoolean("requiresApproval"), step.requiredBoolean("manual"), request,
                    step.string("azCli"), compensation, changesCluster, step.string("patch"));
        } catch (IllegalArgumentException e) {
            throw new InputException(step.file(), step.pointer(), e.getMessage());
        }
    }

    private static ArmRequest request(PlanFields owner, String key) throws InputException {
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
        try {
            return new ArmRequest(r.requiredString("method"), r.requiredString("path"), r.requiredString("apiVersion"),
                    r.stringMap("headers"), body, r.requiredString("bodyMode"));
        } catch (IllegalArgumentException e) {
            throw new InputException(r.file(), r.pointer(), e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return MAPPER.convertValue(node, LinkedHashMap.class);
    }
}
