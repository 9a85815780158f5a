package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kubenetmigrate.planner.model.Fleet;
import org.kubenetmigrate.planner.model.Route;
import org.kubenetmigrate.planner.model.Subnet;

/**
 * The tree of one resource is Jackson's tree, except for the parts no reader reads; those still count, still fail on
 * a bad element, and a syntax error inside them reads as it does in Jackson's tree.
 */
class ResourceTreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VNET_ID = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v1";
    private static final String RT_ID = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt1";

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": 1, \"b\": 2147483648, \"c\": 123456789012345678901234567890, \"d\": -0, \"e\": 1.5, \"f\": 1e400,"
                + " \"g\": -2.5E-3, \"h\": 0.1000000000000000055511151231257827}",
        "{\"s\": \"t\\u00e9st \\\"q\\\" \\/ \\n\", \"n\": null, \"t\": true, \"f\": false, \"o\": {}, \"a\": [],"
                + " \"x\": [1, \"2\", null, [3], {\"y\": {}}]}",
        "{\"k\": 1, \"other\": 2, \"k\": {\"later\": true}}",
        "{\"properties\": {\"subnets\": \"not an array\", \"routes\": {\"not\": \"an array\"}}}",
        "[1, 2]",
        "\"a string\"",
        "null",
        "42",
    })
    void aTreeWithoutUnreadPartsIsJacksonsTree(String json) throws IOException {
        JsonNode expected = jackson(json);

        JsonNode built = build(json);

        assertThat(built).isEqualTo(expected);
        assertThat(built.toString()).isEqualTo(expected.toString());
        assertThat(built.getClass()).isEqualTo(expected.getClass());
    }

    @Test
    void numbersKeepJacksonsNodeTypes() throws IOException {
        String json = "{\"i\": 7, \"l\": 8589934592, \"b\": 92233720368547758070, \"d\": 2.0}";

        JsonNode built = build(json);

        JsonNode expected = jackson(json);
        for (String key : List.of("i", "l", "b", "d")) {
            assertThat(built.get(key).getClass()).as(key).isEqualTo(expected.get(key).getClass());
        }
    }

    @Test
    void ipConfigurationsKeepTheirCountButNotTheirContent() throws IOException {
        JsonNode built = build(vnet("[{\"id\": \"/a\", \"properties\": {\"x\": [1, {\"y\": 2}]}}, null, {\"id\": \"/b\"}]"));

        JsonNode configurations = built.at("/properties/subnets/0/properties/ipConfigurations");
        assertThat(configurations.size()).isEqualTo(3);
        assertThat(configurations.get(0).isObject() && configurations.get(0).isEmpty()).isTrue();
        assertThat(configurations.get(1).isNull()).isTrue();
        assertThat(configurations.get(2).isEmpty()).isTrue();
        assertThat(built.at("/properties/subnets/0/properties/addressPrefix").textValue()).isEqualTo("10.0.0.0/24");
        assertThat(built.at("/properties/subnets/0/id").textValue()).isEqualTo(VNET_ID + "/subnets/s1");
    }

    @Test
    void aSubnetsIpConfigurationsCountIsTheWholeTreesCount(@TempDir Path dir) throws Exception {
        String vnet = vnet("[{\"id\": \"/a/ipConfigurations/c1\"}, {\"id\": \"/b\", \"properties\": {}}, null]");
        Path bare = Fixtures.write(dir, "bare.json", "[" + vnet + "]");
        Path whole = Fixtures.write(dir, "list.json", "{\"value\": [" + vnet + "]}");

        Subnet streamed = Fixtures.read(bare).virtualNetworks().get(0).subnets().get(0);
        Subnet read = Fixtures.read(whole).virtualNetworks().get(0).subnets().get(0);

        assertThat(streamed.usedAddresses()).isEqualTo(2).isEqualTo(read.usedAddresses());
    }

    @Test
    void anIpConfigurationThatIsNotAnObjectIsStillAnError(@TempDir Path dir) {
        Path file = Fixtures.write(dir, "bad.json", "[" + vnet("[{\"id\": \"/a\"}, \"/b\"]") + "]");

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage()).isEqualTo(file
                + ": /0/properties/subnets/0/properties/ipConfigurations/1: expected an object, found \"/b\"");
    }

    @Test
    void aRouteKeepsWhatTheRouteTableReaderReadsInBothShapes() throws IOException {
        String nested = "{\"name\": \"r1\", \"id\": \"" + RT_ID + "/routes/r1\", \"etag\": \"e\", \"type\": \"t\","
                + " \"properties\": {\"provisioningState\": \"Succeeded\", \"addressPrefix\": \"10.1.0.0/24\","
                + " \"nextHopType\": \"VirtualAppliance\", \"nextHopIpAddress\": \"10.0.0.4\", \"other\": {\"a\": 1}}}";
        String flat = "{\"Name\": \"r2\", \"id\": \"x\", \"ADDRESSPREFIX\": \"Internet\", \"nextHopType\": \"Internet\","
                + " \"provisioningState\": \"Succeeded\"}";

        JsonNode built = build("{\"id\": \"" + RT_ID + "\", \"properties\": {\"routes\": [" + nested + "]},"
                + " \"routes\": [" + flat + "]}");

        assertThat(built.at("/properties/routes/0")).isEqualTo(JSON.readTree("{\"name\": \"r1\", \"properties\":"
                + " {\"addressPrefix\": \"10.1.0.0/24\", \"nextHopType\": \"VirtualAppliance\","
                + " \"nextHopIpAddress\": \"10.0.0.4\"}}"));
        assertThat(built.at("/routes/0")).isEqualTo(JSON.readTree(
                "{\"Name\": \"r2\", \"ADDRESSPREFIX\": \"Internet\", \"nextHopType\": \"Internet\"}"));
    }

    @Test
    void routesReadAsFromTheWholeTree(@TempDir Path dir) throws Exception {
        String table = "{\"id\": \"" + RT_ID + "\", \"name\": \"rt1\", \"type\": \"Microsoft.Network/routeTables\","
                + " \"properties\": {\"routes\": [{\"name\": \"r1\", \"id\": \"" + RT_ID + "/routes/r1\","
                + " \"properties\": {\"addressPrefix\": \"10.244.1.0/24\", \"nextHopType\": \"VirtualAppliance\","
                + " \"nextHopIpAddress\": \"10.0.0.4\", \"provisioningState\": \"Succeeded\"}},"
                + " {\"name\": \"r2\", \"addressPrefix\": \"AzureCloud.westeurope\", \"nextHopType\": \"Internet\"}],"
                + " \"subnets\": [{\"id\": \"" + VNET_ID + "/subnets/s1\"}]}}";
        Fleet streamed = Fixtures.read(Fixtures.write(dir, "bare.json", "[" + table + "]"));
        Fleet whole = Fixtures.read(Fixtures.write(dir, "one.json", table));

        List<Route> routes = streamed.routeTables().get(0).routes();

        assertThat(routes).hasSize(2);
        assertThat(routes.get(0).nextHopIpAddress()).isEqualTo("10.0.0.4");
        assertThat(streamed.routeTables()).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*source.*")
                .isEqualTo(whole.routeTables());
    }

    @Test
    void aBadNextHopAddressIsStillNamedByItsPointer(@TempDir Path dir) {
        Path file = Fixtures.write(dir, "bad.json", "[{\"id\": \"" + RT_ID + "\", \"name\": \"rt1\","
                + " \"type\": \"Microsoft.Network/routeTables\", \"properties\": {\"routes\": [{\"name\": \"r1\","
                + " \"id\": \"x\", \"properties\": {\"addressPrefix\": \"10.1.0.0/24\", \"nextHopType\": \"VirtualAppliance\","
                + " \"nextHopIpAddress\": \"10.0.0.400\"}}]}}]");

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage()).startsWith(file
                + ": /0/properties/routes/0/properties/nextHopIpAddress: invalid address '10.0.0.400'");
    }

    /**
     * Every bare array in the example fleet (ARM, az and Resource Graph shapes) reads as the same resources held whole
     * in an ARM list: a reader reading into a part passed over would differ here.
     */
    @Test
    void everyExampleArrayReadsAsItsWholeTree(@TempDir Path dir) throws Exception {
        List<Path> arrays;
        try (var files = Files.walk(Path.of("../examples/fleet"))) {
            arrays = files.filter(f -> f.toString().endsWith(".json")).filter(ResourceTreeTest::isArray).toList();
        }
        assertThat(arrays).hasSizeGreaterThan(10);
        for (Path array : arrays) {
            Path whole = Fixtures.write(dir, array.getFileName().toString(),
                    "{\"value\": " + Files.readString(array) + "}");

            Fleet streamed = Fixtures.read(array);
            Fleet read = Fixtures.read(whole);

            // What was read, not the fleet's lookup indexes.
            assertThat(List.of(streamed.clusters(), streamed.virtualNetworks(), streamed.routeTables(),
                    streamed.surroundings())).as(array.toString()).usingRecursiveComparison()
                    .ignoringFieldsMatchingRegexes(".*source.*").isEqualTo(List.of(read.clusters(),
                            read.virtualNetworks(), read.routeTables(), read.surroundings()));
        }
    }

    /** Syntax errors inside parts passed over: the parser still reads every token there. */
    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"id\": \"/a\", \"properties\": {\"x\": }}]",
        "[{\"id\": \"/a\" \"more\": 1}]",
        "[{\"id\": \"/a\\q\"}]",
        "[{\"id\": \"/a\u0001\"}]",
        "[{\"id\": \"/a\"}",
        "[{\"id\": tru}]",
        "[{\"id\": 01}]",
    })
    void aSyntaxErrorInsideAPartPassedOverReadsAsInJacksonsTree(String configurations) {
        String json = vnet(configurations);

        String expected = catchThrowableOfType(JsonProcessingException.class, () -> jackson(json)).getMessage();
        String actual = catchThrowableOfType(JsonProcessingException.class, () -> build(json)).getMessage();

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aSyntaxErrorInADroppedRouteFieldReadsAsInJacksonsTree() {
        String json = "{\"properties\": {\"routes\": [{\"name\": \"r\", \"id\": \"/a\\x\", \"properties\": {}}]}}";

        String expected = catchThrowableOfType(JsonProcessingException.class, () -> jackson(json)).getMessage();
        String actual = catchThrowableOfType(JsonProcessingException.class, () -> build(json)).getMessage();

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void invalidUtf8InsideAPartPassedOverReadsAsInJacksonsTree() throws IOException {
        String template = vnet("@");
        byte[] prefix = (template.substring(0, template.indexOf('@')) + "[{\"id\": \"/a").getBytes(StandardCharsets.UTF_8);
        byte[] suffix = ("\"}]" + template.substring(template.indexOf('@') + 1)).getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF0, (byte) 0x9F, 0x41})) {
            byte[] json = concat(prefix, bad, suffix);

            String expected = catchThrowableOfType(JsonProcessingException.class, () -> jackson(json))
                    .getMessage();
            String actual = catchThrowableOfType(JsonProcessingException.class, () -> build(json)).getMessage();

            assertThat(actual).isEqualTo(expected);
        }
    }

    private static boolean isArray(Path file) {
        try {
            return JSON.readTree(file.toFile()).isArray();
        } catch (IOException e) {
            return false;
        }
    }

    private static String vnet(String ipConfigurations) {
        return "{\"id\": \"" + VNET_ID + "\", \"name\": \"v1\", \"type\": \"Microsoft.Network/virtualNetworks\","
                + " \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"]}, \"subnets\":"
                + " [{\"id\": \"" + VNET_ID + "/subnets/s1\", \"name\": \"s1\", \"properties\": {\"addressPrefix\":"
                + " \"10.0.0.0/24\", \"ipConfigurations\": " + ipConfigurations + "}}]}}";
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Jackson's own tree of the same bytes. */
    private static JsonNode jackson(String json) throws IOException {
        return jackson(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode jackson(byte[] json) throws IOException {
        return read(json, JSON::readTree);
    }

    private static JsonNode build(String json) throws IOException {
        return build(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode build(byte[] json) throws IOException {
        return read(json, ResourceTree::read);
    }

    /** From bytes, as the reader parses files, from the first token on. */
    private static JsonNode read(byte[] json, Builder builder) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            return builder.read(parser);
        }
    }

    private interface Builder {
        JsonNode read(JsonParser parser) throws IOException;
    }
}
