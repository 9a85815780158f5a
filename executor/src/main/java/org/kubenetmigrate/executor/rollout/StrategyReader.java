package org.kubenetmigrate.executor.rollout;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kubenetmigrate.planner.input.InputException;

/**
 * Reads a strategy file (YAML, or JSON; schema {@code docs/schema/rollout-strategy-v1.schema.json}). Unknown fields
 * are refused, so a typo ({@code maxConcurency}) cannot silently lift a ceiling. Every problem is an
 * {@link InputException} naming the file, the JSON pointer and what is wrong.
 */
public final class StrategyReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> TOP = Set.of("version", "stages", "maxAllowedFailures", "memberApproval");
    private static final Set<String> STAGE = Set.of("name", "groups", "maxConcurrency", "afterStageWait",
            "beforeGates", "afterGates");
    private static final Set<String> GROUP = Set.of("name", "selector", "maxConcurrency");
    private static final Set<String> SELECTOR = Set.of("tags", "subscription", "resourceGroup", "location", "name");
    private static final Set<String> GATE = Set.of("type", "name");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(s|m|h|d)");

    public Strategy read(Path path) throws InputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InputException(path.toString(), "", "no such file");
        } catch (IOException e) {
            throw new InputException(path.toString(), "", "cannot read: " + e.getMessage());
        }
        return read(path.toString(), bytes);
    }

    public Strategy read(String file, byte[] bytes) throws InputException {
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InputException(file, "", "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file, "", "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InputException(file, "", "expected a mapping with a 'stages' list");
        }
        only(file, "", root, TOP);
        JsonNode version = root.get("version");
        if (version != null && !(version.isInt() && version.asInt() == 1)) {
            throw new InputException(file, "/version", "unsupported version " + version + "; this tool reads version 1");
        }
        JsonNode stages = root.get("stages");
        if (stages == null || !stages.isArray() || stages.isEmpty()) {
            throw new InputException(file, "/stages", "missing or empty; expected a list of stages");
        }
        Set<String> stageNames = new HashSet<>();
        Set<String> groupNames = new HashSet<>();
        Set<String> gateNames = new HashSet<>();
        List<Strategy.Stage> result = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            String at = "/stages/" + i;
            JsonNode stage = stages.get(i);
            object(file, at, stage);
            only(file, at, stage, STAGE);
            String name = name(file, at + "/name", stage.get("name"));
            if (!stageNames.add(name)) {
                throw new InputException(file, at + "/name", "stage '" + name + "' is named twice");
            }
            JsonNode groups = stage.get("groups");
            if (groups == null || !groups.isArray() || groups.isEmpty()) {
                throw new InputException(file, at + "/groups", "missing or empty; a stage needs at least one group");
            }
            List<Strategy.Group> parsedGroups = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                String gat = at + "/groups/" + g;
                JsonNode group = groups.get(g);
                object(file, gat, group);
                only(file, gat, group, GROUP);
                String groupName = name(file, gat + "/name", group.get("name"));
                if (!groupNames.add(groupName)) {
                    throw new InputException(file, gat + "/name", "group '" + groupName + "' is named twice (a"
                            + " cluster belongs to one group)");
                }
                Integer max = positive(file, gat + "/maxConcurrency", group.get("maxConcurrency"));
                parsedGroups.add(new Strategy.Group(groupName, selector(file, gat + "/selector", group.get("selector")),
                        max == null ? 1 : max));
            }
            result.add(new Strategy.Stage(name, parsedGroups, positive(file, at + "/maxConcurrency",
                    stage.get("maxConcurrency")), duration(file, at + "/afterStageWait", stage.get("afterStageWait")),
                    gates(file, at + "/beforeGates", stage.get("beforeGates"), gateNames),
                    gates(file, at + "/afterGates", stage.get("afterGates"), gateNames)));
        }
        JsonNode failures = root.get("maxAllowedFailures");
        int maxFailures = 0;
        if (failures != null) {
            if (!failures.isInt() || failures.asInt() < 0) {
                throw new InputException(file, "/maxAllowedFailures", "expected a whole number of 0 or more, found "
                        + failures);
            }
            maxFailures = failures.asInt();
        }
        JsonNode approval = root.get("memberApproval");
        Strategy.MemberApproval memberApproval = Strategy.MemberApproval.stage;
        if (approval != null) {
            try {
                memberApproval = Strategy.MemberApproval.valueOf(approval.asText());
            } catch (IllegalArgumentException e) {
                throw new InputException(file, "/memberApproval", "expected 'stage' or 'each', found " + approval);
            }
        }
        return new Strategy(result, maxFailures, memberApproval);
    }

    private static Strategy.Selector selector(String file, String at, JsonNode node) throws InputException {
        if (node == null) {
            throw new InputException(file, at, "missing; a group selects its clusters by tags, subscription,"
                    + " resourceGroup, location or name");
        }
        object(file, at, node);
        only(file, at, node, SELECTOR);
        if (node.isEmpty()) {
            throw new InputException(file, at, "empty; give at least one of tags, subscription, resourceGroup,"
                    + " location, name (name: '*' takes every cluster)");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode tagNode = node.get("tags");
        if (tagNode != null) {
            object(file, at + "/tags", tagNode);
            for (Iterator<Map.Entry<String, JsonNode>> it = tagNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw new InputException(file, at + "/tags/" + e.getKey(), "expected a text value");
                }
                tags.put(e.getKey(), e.getValue().asText());
            }
        }
        return new Strategy.Selector(tags, text(file, at + "/subscription", node.get("subscription")),
                text(file, at + "/resourceGroup", node.get("resourceGroup")),
                text(file, at + "/location", node.get("location")), text(file, at + "/name", node.get("name")));
    }

    private static List<Strategy.Gate> gates(String file, String at, JsonNode node, Set<String> seen)
            throws InputException {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InputException(file, at, "expected a list of gates");
        }
        List<Strategy.Gate> gates = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode gate = node.get(i);
            object(file, at + "/" + i, gate);
            only(file, at + "/" + i, gate, GATE);
            if (!"Approval".equals(gate.path("type").asText())) {
                throw new InputException(file, at + "/" + i + "/type", "expected 'Approval' (the only gate type),"
                        + " found " + gate.get("type"));
            }
            String name = name(file, at + "/" + i + "/name", gate.get("name"));
            if (!seen.add(name)) {
                throw new InputException(file, at + "/" + i + "/name", "gate '" + name + "' is named twice");
            }
            gates.add(new Strategy.Gate("Approval", name));
        }
        return gates;
    }

    static Duration duration(String file, String at, JsonNode node) throws InputException {
        if (node == null) {
            return Duration.ZERO;
        }
        Matcher m = DURATION.matcher(node.asText());
        if (!node.isTextual() && !node.isInt() || !(node.isInt() || m.matches())) {
            throw new InputException(file, at, "expected a duration such as 30s, 30m, 2h or 1d, found " + node);
        }
        if (node.isInt()) {
            return Duration.ofSeconds(node.asInt());
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static Integer positive(String file, String at, JsonNode node) throws InputException {
        if (node == null) {
            return null;
        }
        if (!node.isInt() || node.asInt() < 1) {
            throw new InputException(file, at, "expected a whole number of 1 or more, found " + node);
        }
        return node.asInt();
    }

    private static String name(String file, String at, JsonNode node) throws InputException {
        if (node == null || !node.isTextual() || !NAME.matcher(node.asText()).matches()) {
            throw new InputException(file, at, node == null ? "missing" : "'" + node.asText() + "' is not a name"
                    + " (letters, digits, '.', '_', '-'; at most 63)");
        }
        return node.asText();
    }

    private static String text(String file, String at, JsonNode node) throws InputException {
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new InputException(file, at, "expected text, found " + node);
        }
        return node.asText();
    }

    private static void object(String file, String at, JsonNode node) throws InputException {
        if (node == null || !node.isObject()) {
            throw new InputException(file, at, "expected a mapping");
        }
    }

    private static void only(String file, String at, JsonNode node, Set<String> allowed) throws InputException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InputException(file, at + "/" + name, "unknown field (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }
}
