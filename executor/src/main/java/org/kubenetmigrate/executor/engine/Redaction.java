package org.kubenetmigrate.executor.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks secret-looking values before anything is written to the run directory or printed. ARM does not return
 * secrets in GET bodies, but older API versions and some exports carry a service principal secret or an admin
 * password, and a backup or a dry-run print must never repeat one.
 */
public final class Redaction {
    public static final String MASK = "<redacted>";

    /** Member names whose values are secrets (matched ignoring case, anywhere in the name). */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|password|passwd|token|kubeconfig|privatekey|private_key|connectionstring|accesskey|apikey"
                    + "|sastoken|sasurl|credential).*");

    private Redaction() {
    }

    /** A copy of {@code json} with every secret-named scalar replaced by {@link #MASK}. */
    public static JsonNode redact(JsonNode json) {
        if (json == null) {
            return null;
        }
        JsonNode copy = json.deepCopy();
        mask(copy);
        return copy;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                JsonNode value = member.getValue();
                if (SECRET_NAME.matcher(member.getKey()).matches() && value.isValueNode() && !value.isNull()
                        && !value.isBoolean()) {
                    member.setValue(object.textNode(MASK));
                } else {
                    mask(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Redaction::mask);
        }
    }

    /** A URL without its query string, which may carry signatures. */
    public static String withoutQuery(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
