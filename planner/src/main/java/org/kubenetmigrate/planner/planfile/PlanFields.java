package org.kubenetmigrate.planner.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kubenetmigrate.planner.input.InputException;

/** Typed, pointer-aware access to one object of a plan file, so every problem names its exact location. */
final class PlanFields {
    private final String file;
    private final String pointer;
    private final JsonNode node;

    PlanFields(String file, String pointer, JsonNode node) throws InputException {
        if (!node.isObject()) {
            throw new InputException(file, pointer, "expected an object, found " + describe(node));
        }
        this.file = file;
        this.pointer = pointer;
        this.node = node;
    }

    String file() {
        return file;
    }

    String pointer() {
        return pointer;
    }

    JsonNode node() {
        return node;
    }

    String child(String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    InputException error(String key, String problem) {
        return new InputException(file, child(key), problem);
    }

    String string(String key) throws InputException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw error(key, "expected a string, found " + describe(value));
        }
        return value.textValue();
    }

    String requiredString(String key) throws InputException {
        String value = string(key);
        if (value == null || value.isBlank()) {
            throw error(key, "missing required field");
        }
        return value;
    }

    boolean requiredBoolean(String key) throws InputException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw error(key, "missing required field");
        }
        if (!value.isBoolean()) {
            throw error(key, "expected true or false, found " + describe(value));
        }
        return value.booleanValue();
    }

    int requiredInt(String key) throws InputException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw error(key, "missing required field");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error(key, "expected a whole number, found " + describe(value));
        }
        return value.intValue();
    }

    /** A nested object, or null when absent or null. */
    PlanFields object(String key) throws InputException {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : new PlanFields(file, child(key), value);
    }

    PlanFields requiredObject(String key) throws InputException {
        PlanFields value = object(key);
        if (value == null) {
            throw error(key, "missing required field");
        }
        return value;
    }

    List<PlanFields> objects(String key) throws InputException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw error(key, "missing required field");
        }
        if (!value.isArray()) {
            throw error(key, "expected an array, found " + describe(value));
        }
        List<PlanFields> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            result.add(new PlanFields(file, child(key) + "/" + i, value.get(i)));
        }
        return result;
    }

    List<String> strings(String key) throws InputException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(key, "expected an array, found " + describe(value));
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new InputException(file, child(key) + "/" + i, "expected a string, found " + describe(value.get(i)));
            }
            result.add(value.get(i).textValue());
        }
        return result;
    }

    Map<String, String> stringMap(String key) throws InputException {
        PlanFields map = object(key);
        Map<String, String> result = new LinkedHashMap<>();
        if (map == null) {
            return result;
        }
        for (Iterator<String> names = map.node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            result.put(name, map.requiredString(name));
        }
        return result;
    }

    static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        String text = value.toString();
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
