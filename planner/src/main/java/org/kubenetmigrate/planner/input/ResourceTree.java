package org.kubenetmigrate.planner.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Builds the tree of one resource from the parser's tokens as Jackson's {@code readTree} does (same node types, same
 * handling of repeated keys), except for the parts of it that no reader reads, whose tokens are passed over without
 * decoding their strings or building nodes for them. Most of the bytes of an export are such parts: a virtual
 * network's subnets list every NIC ip configuration in them (three quarters of a virtual network's bytes), and every
 * route repeats its own id, type and etag. The parser still reads every token of a part passed over, so a syntax
 * error anywhere still stops the read with the same message.
 *
 * <p>What is passed over, in a resource's own fields or its {@code properties} (ARM nests fields there, az prints them
 * flattened; readers take either), matching keys ignoring case as {@link JsonFields} does so that every key a reader
 * could find is kept:
 * <ul>
 *   <li>{@code [properties.]subnets[].[properties.]ipConfigurations[]}: each element that is an object is kept as an
 *       empty object. Readers only count these elements (the virtual network's subnet: {@code ipConfigurations} size;
 *       route tables and security groups read only a subnet's {@code id}), and an element that is not an object is
 *       kept whole, so the count and the error for a bad element are those of the whole tree.</li>
 *   <li>{@code [properties.]routes[]}: a route keeps only {@code name}, {@code properties}, {@code addressPrefix},
 *       {@code nextHopType} and {@code nextHopIpAddress}, its {@code properties} only the last three: the fields
 *       {@code RouteTableReader} reads (in ARM's nested and az's flattened shape). No other reader reads
 *       {@code routes}.</li>
 * </ul>
 * A reader that starts reading anything else under those keys must change this class too.
 */
final class ResourceTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResourceTree() {
    }

    /** The value at the parser's current token, read to its end. */
    static JsonNode read(JsonParser parser) throws IOException {
        return value(parser, Part.RESOURCE);
    }

    private static JsonNode value(JsonParser parser, Part part) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            if (part == Part.COUNTED) {
                pass(parser);
                return NODES.objectNode();
            }
            return object(parser, part);
        }
        if (token == JsonToken.START_ARRAY) {
            return array(parser, part);
        }
        return scalar(parser, token);
    }

    private static ObjectNode object(JsonParser parser, Part part) throws IOException {
        ObjectNode node = NODES.objectNode();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            parser.nextToken();
            Part child = part.field(key);
            if (child == Part.UNREAD) {
                pass(parser);
            } else {
                // Repeated keys: the last value wins at the first one's place, as in Jackson's tree.
                node.replace(key, value(parser, child));
            }
        }
        return node;
    }

    private static ArrayNode array(JsonParser parser, Part part) throws IOException {
        ArrayNode node = NODES.arrayNode();
        Part element = part.element();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            node.add(value(parser, element));
        }
        return node;
    }

    /**
     * Reads past the value at the current token without decoding its strings. The parser is driven exactly as for
     * a tree (field names through {@code nextFieldName}, not {@code skipChildren}), because its wording of a syntax
     * error depends on which call met it.
     */
    private static void pass(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
                parser.nextToken();
                pass(parser);
            }
        } else if (token == JsonToken.START_ARRAY) {
            for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                pass(parser);
            }
        }
    }

    /** As Jackson's tree: ints, longs and big integers as parsed; floating point as double. */
    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> switch (parser.getNumberTypeFP()) {
                case BIG_DECIMAL -> NODES.numberNode(parser.getDecimalValue());
                case FLOAT32 -> NODES.numberNode(parser.getFloatValue());
                default -> NODES.numberNode(parser.getDoubleValue());
            };
            // The parser reports the end of input inside a value itself; this is a guard, not a path taken.
            default -> throw new JsonParseException(parser, "Unexpected token " + token);
        };
    }

    /** Where in a resource a value sits, as far as it decides what is kept of it. */
    private enum Part {
        /** Kept whole. */
        WHOLE,
        /** The resource, or its {@code properties} (ARM's shape; az flattens them): hold subnets and routes. */
        RESOURCE,
        PROPERTIES,
        SUBNETS,
        /** A subnet, or its {@code properties}: hold its ip configurations. */
        SUBNET,
        SUBNET_PROPERTIES,
        IP_CONFIGURATIONS,
        /** An element only counted: an object becomes an empty one. */
        COUNTED,
        ROUTES,
        ROUTE,
        ROUTE_PROPERTIES,
        /** A field no reader reads: left out. */
        UNREAD;

        Part field(String key) {
            return switch (this) {
                case RESOURCE -> key.equalsIgnoreCase("properties") ? PROPERTIES : PROPERTIES.field(key);
                case PROPERTIES -> key.equalsIgnoreCase("subnets") ? SUBNETS
                        : key.equalsIgnoreCase("routes") ? ROUTES
                        : WHOLE;
                case SUBNET -> key.equalsIgnoreCase("properties") ? SUBNET_PROPERTIES : SUBNET_PROPERTIES.field(key);
                case SUBNET_PROPERTIES -> key.equalsIgnoreCase("ipConfigurations") ? IP_CONFIGURATIONS : WHOLE;
                case ROUTE -> key.equalsIgnoreCase("properties") ? ROUTE_PROPERTIES
                        : key.equalsIgnoreCase("name") ? WHOLE
                        : ROUTE_PROPERTIES.field(key);
                case ROUTE_PROPERTIES -> key.equalsIgnoreCase("addressPrefix") || key.equalsIgnoreCase("nextHopType")
                        || key.equalsIgnoreCase("nextHopIpAddress") ? WHOLE : UNREAD;
                default -> WHOLE;
            };
        }

        Part element() {
            return switch (this) {
                case SUBNETS -> SUBNET;
                case IP_CONFIGURATIONS -> COUNTED;
                case ROUTES -> ROUTE;
                default -> WHOLE;
            };
        }
    }
}
