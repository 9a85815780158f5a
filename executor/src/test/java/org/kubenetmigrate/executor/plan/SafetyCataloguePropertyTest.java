package org.kubenetmigrate.executor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.kubenetmigrate.executor.testing.Scenario;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.commands.PlanCluster;
import org.kubenetmigrate.planner.input.FleetReader;
import org.kubenetmigrate.planner.input.InputException;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.MigrationOptions;
import org.kubenetmigrate.planner.model.TargetIpam;
import org.kubenetmigrate.planner.planfile.PlanCodec;

/**
 * Real plans, made by the planner for the example fleet, with one safety-relevant field changed at a time: every
 * such plan is refused at read. The executor's gates, order and request bodies come from its catalogue, so no edit
 * of the file can loosen them.
 */
@Tag("slow")
class SafetyCataloguePropertyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OTHER_CLUSTER = "/subscriptions/00000000-0000-0000-0000-00000000a001/resourcegroups/"
            + "rg-other/providers/Microsoft.ContainerService/managedClusters/aks-other";
    private static final List<ObjectNode> PLANS = plans();

    private static List<ObjectNode> plans() {
        try {
            Fleet fleet = new FleetReader().read(List.of(Scenario.fleet()));
            PlanCluster planner = new PlanCluster(Scenario.PLANNED_AT);
            List<ObjectNode> plans = new ArrayList<>();
            for (Object[] p : List.<Object[]>of(
                    new Object[] {Scenario.STG, MigrationOptions.DEFAULTS},
                    new Object[] {Scenario.STG, Scenario.cilium().withRemoveIpMasqConfig(true)},
                    new Object[] {Scenario.PROD, MigrationOptions.DEFAULTS},
                    new Object[] {Scenario.PROD, new MigrationOptions(TargetIpam.OVERLAY, false,
                            IpPrefix.parse("100.64.0.0/16"), List.of(), null)},
                    new Object[] {Scenario.LEDGER, Scenario.assignIdentity()},
                    new Object[] {Scenario.LEDGER, Scenario.assignIdentity().withRemoveIpMasqConfig(true)})) {
                plans.add(PlanCodec.write(planner.run(fleet, (String) p[0], (MigrationOptions) p[1]),
                        Scenario.PLANNED_AT.instant()));
            }
            return plans;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    enum Mutation {
        FLIP_GATE, FLIP_POINT_OF_NO_RETURN, FLIP_REVERSIBLE, FLIP_CHANGES_CLUSTER, MAKE_MANUAL, SWAP_STEPS,
        MOVE_TO_OTHER_STAGE, RENAME_STAGE, REMOVE_STEP, DUPLICATE_STEP, ADD_BODY_FIELD, CHANGE_BODY_VALUE,
        CHANGE_METHOD, CHANGE_PATH, CHANGE_API_VERSION, ADD_HEADER, CHANGE_IF_MATCH, ADD_COMPENSATION,
        REMOVE_COMPENSATION, CHANGE_NETWORK_POLICY, CHANGE_TARGET_POD_CIDR, CHANGE_TARGET_DATAPLANE
    }

    @Example
    void everyPlanTheFleetGivesIsAcceptedAsWritten() throws Exception {
        for (ObjectNode plan : PLANS) {
            ExecutablePlan read = new PlanReader().read("plan.json", bytes(plan));
            assertThat(read.steps()).isNotEmpty();
        }
        assertThat(PLANS).hasSize(6);
    }

    @Property(tries = 600)
    void anyChangeOfASafetyRelevantFieldIsRefused(@ForAll @IntRange(min = 0, max = 5) int planIndex,
                                                  @ForAll Mutation mutation,
                                                  @ForAll @IntRange(min = 0, max = 1000) int a,
                                                  @ForAll @IntRange(min = 0, max = 1000) int b,
                                                  @ForAll @AlphaChars @StringLength(min = 1, max = 12) String name) {
        ObjectNode plan = PLANS.get(planIndex).deepCopy();
        boolean changed = mutate(plan, mutation, a, b, "x" + name);
        Assume.that(changed && !plan.equals(PLANS.get(planIndex)));

        assertThatThrownBy(() -> new PlanReader().read("plan.json", bytes(plan)))
                .as(mutation + " of plan " + planIndex)
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("plan.json: /");
    }

    /** Applies one mutation; false when it does not apply to this plan (e.g. no step has a compensation). */
    static boolean mutate(ObjectNode plan, Mutation mutation, int a, int b, String name) {
        List<ObjectNode> steps = steps(plan);
        ObjectNode step = steps.get(a % steps.size());
        List<ObjectNode> requests = new ArrayList<>();
        for (ObjectNode s : steps) {
            addMutating(requests, s.get("request"));
            if (s.get("compensation") instanceof ObjectNode c) {
                addMutating(requests, c.get("request"));
            }
        }
        ObjectNode request = requests.get(a % requests.size());
        switch (mutation) {
            case FLIP_GATE -> flip(step, "requiresApproval");
            case FLIP_POINT_OF_NO_RETURN -> flip(step, "pointOfNoReturn");
            case FLIP_REVERSIBLE -> flip(step, "reversible");
            case FLIP_CHANGES_CLUSTER -> flip(step, "changesCluster");
            case MAKE_MANUAL -> step.put("manual", true);
            case SWAP_STEPS -> {
                ObjectNode other = steps.get(b % steps.size());
                if (other == step) {
                    return false;
                }
                ObjectNode copy = step.deepCopy();
                step.removeAll().setAll(other.deepCopy());
                other.removeAll().setAll(copy);
            }
            case MOVE_TO_OTHER_STAGE -> {
                ArrayNode stages = (ArrayNode) plan.get("stages");
                int from = stageOf(plan, step);
                int to = b % stages.size();
                if (to == from) {
                    return false;
                }
                removeStep(plan, step);
                ((ArrayNode) stages.get(to).get("steps")).add(step);
            }
            case RENAME_STAGE -> {
                ArrayNode stages = (ArrayNode) plan.get("stages");
                ((ObjectNode) stages.get(b % stages.size())).put("id", name);
            }
            case REMOVE_STEP -> {
                // remove-ip-masq-config is optional: without it precheck finds the ConfigMaps and stops.
                if (step.get("id").asText().equals("remove-ip-masq-config")) {
                    return false;
                }
                removeStep(plan, step);
            }
            case DUPLICATE_STEP -> ((ArrayNode) plan.at("/stages/" + stageOf(plan, step) + "/steps")).add(step.deepCopy());
            case ADD_BODY_FIELD -> {
                List<ObjectNode> objects = objects((ObjectNode) request.get("body"));
                objects.get(b % objects.size()).put(name, "1.33.0");
            }
            case CHANGE_BODY_VALUE -> {
                List<Map.Entry<ObjectNode, String>> leaves = leaves((ObjectNode) request.get("body"));
                Map.Entry<ObjectNode, String> leaf = leaves.get(b % leaves.size());
                leaf.getKey().put(leaf.getValue(), name);
            }
            case CHANGE_METHOD -> request.put("method", b % 2 == 0 ? "DELETE" : "GET");
            case CHANGE_PATH -> request.put("path", OTHER_CLUSTER);
            case CHANGE_API_VERSION -> request.put("apiVersion", "2024-0" + (1 + b % 9) + "-01");
            case ADD_HEADER -> ((ObjectNode) request.get("headers")).put("x-ms-" + name, "1");
            case CHANGE_IF_MATCH -> ((ObjectNode) request.get("headers")).put("If-Match", "\"" + name + "\"");
            case ADD_COMPENSATION -> {
                if (!step.path("compensation").isNull()) {
                    return false;
                }
                ObjectNode c = step.putObject("compensation");
                c.put("description", "undo");
                c.set("request", request.deepCopy());
                c.putNull("azCli");
            }
            case REMOVE_COMPENSATION -> {
                ObjectNode withOne = steps.stream().filter(s -> !s.path("compensation").isNull()).findFirst()
                        .orElse(null);
                if (withOne == null) {
                    return false;
                }
                withOne.putNull("compensation");
            }
            case CHANGE_NETWORK_POLICY -> {
                ObjectNode network = (ObjectNode) plan.get("network");
                network.put("policy", "calico".equals(network.path("policy").asText()) ? "none" : "calico");
            }
            case CHANGE_TARGET_POD_CIDR -> ((ObjectNode) plan.get("target")).put("podCidr",
                    "10." + (200 + b % 50) + ".0.0/16");
            case CHANGE_TARGET_DATAPLANE -> {
                ObjectNode target = (ObjectNode) plan.get("target");
                target.put("dataplane", "cilium".equals(target.path("dataplane").asText()) ? "azure" : "cilium");
            }
        }
        return true;
    }

    private static void addMutating(List<ObjectNode> requests, JsonNode request) {
        if (request instanceof ObjectNode r && !"GET".equals(r.path("method").asText())) {
            requests.add(r);
        }
    }

    private static List<ObjectNode> steps(ObjectNode plan) {
        List<ObjectNode> steps = new ArrayList<>();
        plan.get("stages").forEach(stage -> stage.get("steps").forEach(s -> steps.add((ObjectNode) s)));
        return steps;
    }

    private static int stageOf(ObjectNode plan, ObjectNode step) {
        ArrayNode stages = (ArrayNode) plan.get("stages");
        for (int i = 0; i < stages.size(); i++) {
            for (JsonNode s : stages.get(i).get("steps")) {
                if (s == step) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("step not in plan");
    }

    private static void removeStep(ObjectNode plan, ObjectNode step) {
        ArrayNode steps = (ArrayNode) plan.at("/stages/" + stageOf(plan, step) + "/steps");
        for (Iterator<JsonNode> it = steps.iterator(); it.hasNext(); ) {
            if (it.next() == step) {
                it.remove();
                return;
            }
        }
    }

    private static void flip(ObjectNode node, String field) {
        node.put(field, !node.path(field).asBoolean());
    }

    /** Every object in the body, the body included. */
    private static List<ObjectNode> objects(ObjectNode body) {
        List<ObjectNode> out = new ArrayList<>();
        out.add(body);
        body.fields().forEachRemaining(e -> {
            if (e.getValue() instanceof ObjectNode child) {
                out.addAll(objects(child));
            }
        });
        return out;
    }

    /** Every leaf of the body (a scalar, null or empty object) as its parent and key. */
    private static List<Map.Entry<ObjectNode, String>> leaves(ObjectNode body) {
        List<Map.Entry<ObjectNode, String>> out = new ArrayList<>();
        body.fields().forEachRemaining(e -> {
            if (e.getValue() instanceof ObjectNode child && !child.isEmpty()) {
                out.addAll(leaves(child));
            } else {
                out.add(Map.entry(body, e.getKey()));
            }
        });
        return out;
    }

    private static byte[] bytes(ObjectNode plan) {
        try {
            return MAPPER.writeValueAsString(plan).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
