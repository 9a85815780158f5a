package org.kubenetmigrate.executor.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 7386 JSON Merge Patch, in one place: how a plan's "changed fields" become the whole resource the executor
 * PUTs, and how a step tells that its change is already in effect.
 */
public final class MergePatch {
    private MergePatch() {
    }

    /**
     * RFC 7386 §2 MergePatch(Target, Patch): a patch that is not an object replaces the target; otherwise each
     * member is merged recursively, and a member whose value is {@code null} is removed. Returns a new tree; the
     * arguments are not changed.
     */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? null : patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /**
     * True when applying {@code patch} would not change {@code current}: the change is in effect. Strings and
     * member names compare ignoring case, because ARM treats its enums ({@code Azure}/{@code azure}) and resource
     * ids case-insensitively and does not always echo the spelling it was sent; {@code null} in the patch is in
     * effect when the member is absent or null.
     */
    public static boolean isInEffect(JsonNode current, JsonNode patch) {
        if (patch == null || patch.isNull()) {
            return current == null || current.isNull() || current.isMissingNode();
        }
        if (!patch.isObject()) {
            if (current == null) {
                return false;
            }
            if (patch.isTextual() && current.isTextual()) {
                return patch.textValue().equalsIgnoreCase(current.textValue());
            }
            return patch.equals(current);
        }
        if (current == null || !current.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (!isInEffect(memberIgnoringCase(current, member.getKey()), member.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode memberIgnoringCase(JsonNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, JsonNode> candidate : object.properties()) {
            if (candidate.getKey().toLowerCase(Locale.ROOT).equals(lower)) {
                return candidate.getValue();
            }
        }
        return null;
    }
}
