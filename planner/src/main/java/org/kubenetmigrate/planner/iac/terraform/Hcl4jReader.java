package org.kubenetmigrate.planner.iac.terraform;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.util.Map;
import java.util.Optional;

/**
 * The independent reading of a file by hcl4j, a full HCL parser, used to verify what the position-keeping reader
 * found before anything is edited. hcl4j gives no positions, and it accepts malformed input (an unclosed block, an
 * attribute without a value) without an error, so syntax errors are the position-keeping reader's to report. hcl4j evaluates data sources while parsing (its {@code data "http"} makes HTTP
 * requests), so every data lookup is unregistered: reading code must never reach the network.
 */
final class Hcl4jReader {
    private Hcl4jReader() {
    }

    private static final class OfflineParser extends HCLParser {
        OfflineParser() {
            dataLookupRegistry.clear();
        }
    }

    /** The parsed file as hcl4j's nested maps, or the problem when hcl4j cannot read it. */
    static Parsed read(String source) {
        try {
            return new Parsed(new OfflineParser().parse(source, false), null);
        } catch (Exception | StackOverflowError e) {
            return new Parsed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    record Parsed(Map<String, Object> tree, String problem) {
        /** The value at a path of map keys, if every step is a map. */
        Optional<Object> at(String... path) {
            Object node = tree;
            for (String key : path) {
                if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                    return Optional.empty();
                }
                node = map.get(key);
            }
            return Optional.ofNullable(node);
        }
    }
}
