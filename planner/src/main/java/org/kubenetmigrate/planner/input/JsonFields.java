package org.kubenetmigrate.planner.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.cidr.CidrFormatException;
import org.kubenetmigrate.planner.cidr.IpPrefix;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.SourceRef;

/**
 * Typed access to the fields of one JSON object that knows where the object sits (file and JSON pointer), so every
 * wrong-typed or invalid value is reported at its exact location. All readers go through this class: it is the one
 * place that decides how Azure's JSON is interpreted.
 *
 * <p>Conventions: a field that is absent or JSON {@code null} is "absent" (az prints {@code null} for every unset
 * field); keys are matched exactly first and then case-insensitively, because az and the REST API disagree on the
 * case of some names ({@code vnetSubnetID}/{@code vnetSubnetId}, {@code dnsServiceIP}/{@code dnsServiceIp},
 * {@code eTag}/{@code etag}). An absent object reads as an empty one located where it would have been, so a missing
 * required field deep inside is reported with its full pointer.
 */
final class JsonFields {
    private static final int MAX_SHOWN_LENGTH = 80;
    /** What an absent object reads as; never changed (this class only reads its node). */
    private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

    private final String file;
    /**
     * Where the object sits, kept as its parts and joined only when a message or a {@link SourceRef} needs it (most
     * objects read are never reported): the object holding it and the key it was asked for there (the key found, if
     * it differs in case, is looked up again then), plus its index when it is an element of that key's array. At a
     * root, {@code key} is the whole pointer.
     */
    private final JsonFields parent;
    private final String key;
    private final int index;
    private final JsonNode node;
    private final RetainedStrings strings;
    private String pointer;

    private JsonFields(String file, JsonFields parent, String key, int index, JsonNode node, RetainedStrings strings) {
        this.file = file;
        this.parent = parent;
        this.key = key;
        this.index = index;
        this.node = node;
        this.strings = strings;
    }

    /** The object at {@code pointer}; anything but an object is an error. */
    static JsonFields of(String file, String pointer, JsonNode node) throws InputException {
        return of(file, pointer, node, null);
    }

    /**
     * As {@link #of(String, String, JsonNode)}, with the short strings read kept once in {@code strings} (null: as
     * read).
     */
    static JsonFields of(String file, String pointer, JsonNode node, RetainedStrings strings) throws InputException {
        if (!node.isObject()) {
            throw new InputException(file, pointer, "expected an object, found " + describe(node));
        }
        return new JsonFields(file, null, pointer, -1, node, strings);
    }

    String file() {
        return file;
    }

    String pointer() {
        if (pointer == null) {
            pointer = parent == null ? key
                    : parent.child(parent.keyOf(key)) + (index < 0 ? "" : "/" + index);
        }
        return pointer;
    }

    SourceRef source() {
        return new SourceRef(file, pointer());
    }

    /**
     * The fields of an ARM-shaped resource live under {@code properties}; the az CLI prints the same fields
     * flattened to the top level. Presence of {@code properties} tells the two apart (one that is not an object
     * is an error rather than a hint that the resource is flattened).
     */
    JsonFields propertiesOrSelf() throws InputException {
        return has("properties") ? object("properties") : this;
    }

    boolean has(String key) {
        return find(key) != null;
    }

    /** A string field, or null when absent. */
    String string(String key) throws InputException {
        JsonNode value = find(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw error(key, "expected a string, found " + describe(value));
        }
        return retained(value.textValue());
    }

    /** A string field that must be present and not blank. */
    String requiredString(String key) throws InputException {
        String value = string(key);
        if (value == null || value.isBlank()) {
            throw missing(key);
        }
        return value;
    }

    /** A string, tolerating a JSON number in its place (its text), as for {@code maxSurge: 1}. */
    String text(String key) throws InputException {
        JsonNode value = find(key);
        if (value != null && value.isNumber()) {
            return value.asText();
        }
        return string(key);
    }

    /** A whole-number field, or null when absent. */
    Integer integer(String key) throws InputException {
        JsonNode value = find(key);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw error(key, "expected a number, found " + describe(value));
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error(key, "expected a whole number, found " + describe(value));
        }
        return value.intValue();
    }

    /**
     * A whole number that counts something (nodes, pods), or null when absent; below {@code min} is impossible and
     * an input error, never a negative node count in a plan.
     */
    Integer count(String key, int min) throws InputException {
        Integer value = integer(key);
        if (value != null && value < min) {
            throw error(key, "expected " + (min == 0 ? "a count of 0 or more" : "at least " + min) + ", found "
                    + value);
        }
        return value;
    }

    /** A boolean field; absent reads as false, the default Azure applies to every flag this tool reads. */
    boolean bool(String key) throws InputException {
        JsonNode value = find(key);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw error(key, "expected true or false, found " + describe(value));
        }
        return value.booleanValue();
    }

    /** A nested object; absent reads as an empty object at the pointer it would have had. */
    JsonFields object(String key) throws InputException {
        JsonNode value = find(key);
        if (value == null) {
            return new JsonFields(file, this, key, -1, EMPTY, strings);
        }
        if (!value.isObject()) {
            throw error(key, "expected an object, found " + describe(value));
        }
        return new JsonFields(file, this, key, -1, value, strings);
    }

    /** An array of objects; absent reads as empty. Null entries are skipped. */
    List<JsonFields> objects(String key) throws InputException {
        JsonNode array = array(key);
        if (array == null) {
            return List.of();
        }
        List<JsonFields> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode value = array.get(i);
            if (value.isNull()) {
                continue;
            }
            if (!value.isObject()) {
                throw new InputException(file, elementPointer(key, i), "expected an object, found " + describe(value));
            }
            result.add(new JsonFields(file, this, key, i, value, strings));
        }
        return result;
    }

    /** An array of strings; absent reads as empty. Null entries are skipped. */
    List<String> strings(String key) throws InputException {
        JsonNode array = array(key);
        List<String> result = new ArrayList<>(array == null ? 0 : array.size());
        for (int i = 0; array != null && i < array.size(); i++) {
            String text = elementText(key, array, i);
            if (text != null) {
                result.add(retained(text));
            }
        }
        return result;
    }

    /** The names of an object's fields, e.g. the ids keying {@code userAssignedIdentities}; absent reads as empty. */
    List<String> keys(String key) throws InputException {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : object(key).node.properties()) {
            result.add(entry.getKey());
        }
        return result;
    }

    /** An object of string values such as {@code tags}; absent reads as empty, a null value as "". */
    Map<String, String> stringMap(String key) throws InputException {
        JsonFields map = object(key);
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : map.node.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                result.put(retained(entry.getKey()), "");
            } else if (value.isTextual()) {
                result.put(retained(entry.getKey()), retained(value.textValue()));
            } else {
                throw new InputException(file, map.child(entry.getKey()), "expected a string, found " + describe(value));
            }
        }
        return result;
    }

    /** A CIDR prefix, parsed strictly; null when absent. */
    IpPrefix prefix(String key) throws InputException {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            return IpPrefix.parse(text);
        } catch (CidrFormatException e) {
            throw error(key, "invalid CIDR '" + shorten(text) + "': " + e.getMessage());
        }
    }

    /** An array of CIDR prefixes; absent reads as empty. */
    List<IpPrefix> prefixes(String key) throws InputException {
        JsonNode array = array(key);
        List<IpPrefix> result = new ArrayList<>(array == null ? 0 : array.size());
        for (int i = 0; array != null && i < array.size(); i++) {
            String text = elementText(key, array, i);
            if (text == null) {
                continue;
            }
            try {
                result.add(IpPrefix.parse(text));
            } catch (CidrFormatException e) {
                throw new InputException(file, elementPointer(key, i),
                        "invalid CIDR '" + shorten(text) + "': " + e.getMessage());
            }
        }
        return result;
    }

    /** A single IP address, checked but kept as written; null when absent. */
    String address(String key) throws InputException {
        String text = string(key);
        if (text == null) {
            return null;
        }
        try {
            IpPrefix.parseHost(text);
            return text;
        } catch (CidrFormatException e) {
            throw error(key, "invalid address '" + shorten(text) + "': " + e.getMessage());
        }
    }

    /** An ARM resource id; null when absent or blank. */
    ArmId armId(String key) throws InputException {
        String text = string(key);
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        if (!trimmed.startsWith("/")) {
            throw error(key, "expected an ARM resource id, found " + describe(find(key)));
        }
        return ArmId.of(trimmed);
    }

    ArmId requiredArmId(String key) throws InputException {
        ArmId id = armId(key);
        if (id == null) {
            throw missing(key);
        }
        return id;
    }

    /** Reports a problem with the field {@code key} (or where it would be). */
    InputException error(String key, String problem) {
        return new InputException(file, child(keyOf(key)), problem);
    }

    private InputException missing(String key) {
        return error(key, "missing required field");
    }

    /** The array at {@code key}, or null when absent; anything else there is an error. */
    private JsonNode array(String key) throws InputException {
        JsonNode value = find(key);
        if (value != null && !value.isArray()) {
            throw error(key, "expected an array, found " + describe(value));
        }
        return value;
    }

    /** The text of element {@code index} of the array at {@code key}; null for a JSON null, an error for a non-string. */
    private String elementText(String key, JsonNode array, int index) throws InputException {
        JsonNode value = array.get(index);
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InputException(file, elementPointer(key, index), "expected a string, found " + describe(value));
        }
        return value.textValue();
    }

    private String elementPointer(String key, int index) {
        return child(keyOf(key)) + "/" + index;
    }

    /** Exact key first, then the first key equal ignoring case; JSON null counts as absent (null). */
    private JsonNode find(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            String written = keyIgnoringCase(key);
            value = written == null ? null : node.get(written);
        }
        return value == null || value.isNull() ? null : value;
    }

    /** The key {@link #find} found a value under, as written in the input; {@code key} itself when none. */
    private String keyOf(String key) {
        if (node.get(key) != null) {
            return key;
        }
        String written = keyIgnoringCase(key);
        return written == null || node.get(written).isNull() ? key : written;
    }

    /** The first key equal to {@code key} ignoring case, as written in the input; null when none. */
    private String keyIgnoringCase(String key) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getKey();
            }
        }
        return null;
    }

    private String retained(String text) {
        return strings == null ? text : strings.of(text);
    }

    private String child(String key) {
        return pointer() + "/" + escape(key);
    }

    /** RFC 6901: '~' and '/' inside a key are written as "~0" and "~1". */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** A value as shown in a message: strings quoted, containers by kind, scalars as written. */
    static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        return shorten(value.toString());
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SHOWN_LENGTH ? text : text.substring(0, MAX_SHOWN_LENGTH) + "...";
    }
}
