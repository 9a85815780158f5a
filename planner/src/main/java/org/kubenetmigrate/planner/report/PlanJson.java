package org.kubenetmigrate.planner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.kubenetmigrate.planner.plan.ArmRequest;
import org.kubenetmigrate.planner.plan.Compensation;
import org.kubenetmigrate.planner.plan.Fingerprint;
import org.kubenetmigrate.planner.plan.MigrationPlan;
import org.kubenetmigrate.planner.plan.Stage;
import org.kubenetmigrate.planner.plan.Step;

/**
 * The plan as schema-1 JSON: the cluster object of the report plus {@code fingerprint}, {@code strategy},
 * {@code notes} and {@code stages}. This is the file the executor applies.
 */
public final class PlanJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlanJson() {
    }

    public static ObjectNode plan(MigrationPlan plan, Instant generatedAt) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", AssessmentJson.SCHEMA_VERSION);
        root.put("kind", "plan");
        root.put("generatedAt", generatedAt.toString());
        root.setAll(AssessmentJson.cluster(plan.assessment()));
        root.set("fingerprint", fingerprint(plan.fingerprint()));
        root.put("strategy", plan.strategy());
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

    static ObjectNode fingerprint(Fingerprint f) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("etag", f.etag());
        node.put("propertiesHash", f.propertiesHash());
        ArrayNode properties = node.putArray("properties");
        f.properties().forEach(properties::add);
        return node;
    }

    static ObjectNode step(Step step) {
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

    static JsonNode request(ArmRequest request) {
        if (request == null) {
            return MAPPER.nullNode();
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("method", request.method());
        node.put("path", request.path());
        node.put("apiVersion", request.apiVersion());
        node.put("url", request.path() + "?api-version=" + request.apiVersion());
        ObjectNode headers = node.putObject("headers");
        request.headers().forEach(headers::put);
        node.set("body", request.body() == null ? MAPPER.nullNode() : MAPPER.valueToTree(request.body()));
        node.put("bodyMode", request.bodyMode());
        return node;
    }
}
