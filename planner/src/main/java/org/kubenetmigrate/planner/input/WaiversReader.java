package org.kubenetmigrate.planner.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.waivers.ClusterSelector;
import org.kubenetmigrate.planner.waivers.Waiver;
import org.kubenetmigrate.planner.waivers.WaiverSet;

/**
 * Reads a waivers file (YAML, or JSON, which is YAML too):
 *
 * <pre>
 * waivers:
 *   - rule: route-table-shared
 *     cluster: {name: "aks-cards-*"}      # or {id: /subscriptions/...}, or {tag: "team=cards"}
 *     reason: App Gateway subnet gets its own route table in CHG-1234
 *     owner: cards-platform@example.com
 *     expires: 2027-03-31
 * </pre>
 *
 * Every field is required and unknown fields are rejected, so a typo ({@code expiry:}) cannot silently turn a
 * waiver into one that never expires or never matches. Problems are {@link InputException}s naming the file and
 * the JSON pointer of the field.
 */
public final class WaiversReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> TOP_LEVEL = Set.of("version", "waivers");
    private static final Set<String> WAIVER_FIELDS = Set.of("rule", "cluster", "reason", "owner", "expires");
    private static final Set<String> SELECTORS = Set.of("id", "name", "tag");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Set<String> knownRules;

    /** @param knownRules the rule ids a waiver may name (the catalogue's); anything else is a typo */
    public WaiversReader(Set<String> knownRules) {
        this.knownRules = new TreeSet<>(knownRules);
    }

    /**
     * YAML anchors ({@code &x}) and aliases ({@code *x}) are refused: an alias that names no anchor silently became
     * its own name ({@code name: *-prod} read as "-prod", a selector nobody wrote), and a waiver is a promise someone
     * reviews line by line, so every value is written out where it applies.
     */
    private static void rejectAliases(String file, byte[] content) throws InputException {
        try (JsonParser parser = YAML.getFactory().createParser(content)) {
            while (parser.nextToken() != null) {
                boolean alias = parser instanceof YAMLParser yaml && yaml.isCurrentAlias();
                Object anchor = parser.getObjectId();
                if (alias || anchor != null) {
                    throw new InputException(file, "", "line " + parser.currentLocation().getLineNr() + ": YAML "
                            + (alias ? "alias *" + parser.getText() : "anchor &" + anchor) + " is not accepted in"
                            + " a waivers file; write each value out");
                }
            }
        } catch (JsonProcessingException e) {
            // Reported by the full read that follows, with the same wording as any other YAML error.
        } catch (IOException e) {
            throw new InputException(file, "", InputFiles.describe(e), e);
        }
    }

    public WaiverSet read(Path path) throws InputException {
        String file = path.toString();
        JsonNode root;
        try (InputStream in = Files.newInputStream(path)) {
            rejectAliases(file, Files.readAllBytes(path));
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            throw new InputException(file, "", "not valid YAML: " + InputFiles.jacksonReason(e), e);
        } catch (IOException e) {
            throw new InputException(file, "", InputFiles.describe(e), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InputException(file, "", "the file is empty; expected a mapping with a 'waivers' list");
        }
        if (!root.isObject()) {
            throw new InputException(file, "", "expected a mapping with a 'waivers' list, found "
                    + JsonFields.describe(root));
        }
        rejectUnknown(file, "", root, TOP_LEVEL);
        JsonNode version = root.get("version");
        if (version != null && !(version.isInt() && version.asInt() == 1)) {
            throw new InputException(file, "/version", "unsupported version " + version + "; this tool reads version 1");
        }
        JsonNode list = root.get("waivers");
        if (list == null || list.isNull()) {
            throw new InputException(file, "/waivers", "missing; expected a list of waivers (it may be empty: [])");
        }
        if (!list.isArray()) {
            throw new InputException(file, "/waivers", "expected a list, found " + JsonFields.describe(list));
        }
        List<Waiver> waivers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            waivers.add(waiver(file, "/waivers/" + i, list.get(i)));
        }
        return new WaiverSet(waivers);
    }

    private Waiver waiver(String file, String at, JsonNode node) throws InputException {
        if (!node.isObject()) {
            throw new InputException(file, at, "expected a mapping with rule, cluster, reason, owner and expires,"
                    + " found " + JsonFields.describe(node));
        }
        rejectUnknown(file, at, node, WAIVER_FIELDS);
        String rule = text(file, at, node, "rule");
        if (!knownRules.contains(rule)) {
            throw new InputException(file, at + "/rule", "unknown rule '" + rule + "'; known rules: "
                    + String.join(", ", knownRules));
        }
        ClusterSelector selector = selector(file, at + "/cluster", node.get("cluster"));
        String reason = text(file, at, node, "reason");
        String owner = text(file, at, node, "owner");
        LocalDate expires = date(file, at + "/expires", text(file, at, node, "expires"));
        return new Waiver(rule, selector, reason, owner, expires, file + " " + at);
    }

    private static ClusterSelector selector(String file, String at, JsonNode node) throws InputException {
        if (node == null || node.isNull()) {
            throw new InputException(file, at, "missing; expected one of id, name (a glob) or tag (key=value)");
        }
        if (!node.isObject()) {
            throw new InputException(file, at, "expected a mapping with one of id, name or tag, found "
                    + JsonFields.describe(node));
        }
        rejectUnknown(file, at, node, SELECTORS);
        if (node.size() != 1) {
            throw new InputException(file, at, "expected exactly one of id, name or tag, found "
                    + (node.size() == 0 ? "none" : String.join(" and ", fieldNames(node))));
        }
        String kind = node.fieldNames().next();
        String value = text(file, at, node, kind);
        return switch (kind) {
            case "id" -> {
                if (!value.toLowerCase(java.util.Locale.ROOT).startsWith("/subscriptions/")) {
                    throw new InputException(file, at + "/id", "not an ARM resource id (/subscriptions/...): '"
                            + value + "'");
                }
                yield new ClusterSelector.ById(ArmId.of(value));
            }
            case "name" -> ClusterSelector.ByName.of(value);
            default -> {
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    throw new InputException(file, at + "/tag", "expected key=value, found '" + value + "'");
                }
                yield new ClusterSelector.ByTag(value.substring(0, eq).trim(), value.substring(eq + 1).trim());
            }
        };
    }

    private static String text(String file, String at, JsonNode parent, String field) throws InputException {
        JsonNode value = parent.get(field);
        String pointer = at + "/" + field;
        if (value == null || value.isNull()) {
            throw new InputException(file, pointer, "missing; every waiver needs rule, cluster, reason, owner"
                    + " and expires");
        }
        if (!value.isValueNode() || value.isBoolean()) {
            throw new InputException(file, pointer, "expected text, found " + JsonFields.describe(value));
        }
        String text = value.asText().trim();
        if (text.isEmpty()) {
            throw new InputException(file, pointer, "is empty");
        }
        return text;
    }

    private static LocalDate date(String file, String at, String text) throws InputException {
        if (!DATE.matcher(text).matches()) {
            throw new InputException(file, at, "expected a date YYYY-MM-DD, found '" + text + "'");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InputException(file, at, "not a calendar date: '" + text + "'");
        }
    }

    private static void rejectUnknown(String file, String at, JsonNode node, Set<String> allowed)
            throws InputException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InputException(file, at + "/" + name.replace("~", "~0").replace("/", "~1"),
                        "unknown field; expected " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
