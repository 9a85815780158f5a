package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.kubenetmigrate.planner.input.Fixtures.fixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bad-input corpus under input/bad: each file stops the read with one exact, one-line message. */
class BadInputTest {

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("not-json.json", "",
                        "not valid JSON: Unrecognized token 'Name': was expecting (JSON String, Number, Array, Object"
                                + " or token 'null', 'true' or 'false') at line 1, column 1"),
                Arguments.of("truncated.json", "",
                        "not valid JSON: Unexpected end-of-input within/between Object entries at line 12, column 1"),
                Arguments.of("count-not-a-number.json", "/properties/agentPoolProfiles/0/count",
                        "expected a number, found \"three\""),
                Arguments.of("count-negative.json", "/properties/agentPoolProfiles/0/count",
                        "expected a count of 0 or more, found -3"),
                Arguments.of("min-count-above-max-count.json", "/properties/agentPoolProfiles/0/minCount",
                        "minCount 5 is above maxCount 2"),
                Arguments.of("max-pods-zero.json", "/properties/agentPoolProfiles/0/maxPods",
                        "expected at least 1, found 0"),
                Arguments.of("pod-cidr-prefix-33.json", "/data/3/properties/networkProfile/podCidr",
                        "invalid CIDR '10.244.0.0/33': '10.244.0.0/33' has prefix length 33, more than 32"),
                Arguments.of("service-cidr-host-bits.json", "/networkProfile/serviceCidr",
                        "invalid CIDR '10.0.0.1/16': host bits are set in 10.0.0.1/16 (the network address is 10.0.0.0/16)"),
                Arguments.of("subnet-prefix-300.json", "/properties/subnets/1/properties/addressPrefix",
                        "invalid CIDR '300.1.0.0/16': '300.1.0.0' is not an IPv4 address (300 is above 255)"),
                Arguments.of("missing-network-plugin.json", "/value/1/properties/networkProfile/networkPlugin",
                        "missing required field"),
                Arguments.of("subnets-not-an-array.json", "/subnets", "expected an array, found an object"),
                Arguments.of("route-prefix-without-length.json", "/properties/routes/0/properties/addressPrefix",
                        "invalid CIDR '10.1.0.0': '10.1.0.0' has no prefix length (expected address/length)"),
                Arguments.of("route-table-without-name.json", "/name", "missing required field"),
                Arguments.of("max-surge-not-a-count.json", "/properties/agentPoolProfiles/0/upgradeSettings/maxSurge",
                        "expected a node count or a percentage like \"33%\", found \"a third\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reportsFilePointerAndProblemOnOneLine(String name, String pointer, String problem) {
        Path file = fixture("bad/" + name);

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        String expected = pointer.isEmpty() ? file + ": " + problem : file + ": " + pointer + ": " + problem;
        assertThat(e.getMessage()).isEqualTo(expected).doesNotContain("\n");
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.pointer()).isEqualTo(pointer);
        assertThat(e.problem()).isEqualTo(problem);
    }

    @Test
    void stopsOnABadRepeatOfAResourceAlreadyReadFromAGoodFile() {
        // Same cluster id in both files: the repeat would be dropped as a duplicate, but it is still checked.
        Path good = fixture("shapes/arm-managed-cluster.json");
        Path bad = fixture("bad/count-not-a-number.json");

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(good, bad));

        assertThat(e.file()).isEqualTo(bad.toString());
    }

    @Test
    void reportsAnEmptyDirectoryAsNoJsonFilesFound(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(empty));

        assertThat(e.getMessage()).isEqualTo(empty + ": no JSON files found");
    }

    @Test
    void reportsADirectoryWithoutJsonFilesAsNoJsonFilesFound(@TempDir Path dir) {
        Fixtures.write(dir, "exports/sub/clusters.txt", "not named .json, so not input");
        Path exports = dir.resolve("exports");

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(exports));

        assertThat(e.getMessage()).isEqualTo(exports + ": no JSON files found");
    }

    @Test
    void reportsAPathThatDoesNotExist(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(missing));

        assertThat(e.getMessage()).isEqualTo(missing + ": no such file or directory");
    }

    @Test
    void reportsAnEmptyFileAsNotValidJson(@TempDir Path dir) {
        Path file = Fixtures.write(dir, "empty.json", "  \n");

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage()).isEqualTo(file + ": not valid JSON: the file is empty");
    }

    @Test
    void reportsTwoDocumentsAppendedToOneFile(@TempDir Path dir) {
        Path file = Fixtures.write(dir, "appended.json", "{\"name\": \"a\"}\n{\"name\": \"b\"}\n");

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage())
                .isEqualTo(file + ": not valid JSON: Trailing token (of type START_OBJECT) found after value at line 2, column 1");
    }

    @Test
    void reportsADocumentThatIsNeitherObjectNorArray(@TempDir Path dir) {
        Path file = Fixtures.write(dir, "scalar.json", "\"clustername1\"");

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage()).isEqualTo(file + ": expected an object or an array, found \"clustername1\"");
    }

    @Test
    void reportsAListEntryThatIsNotAnObject(@TempDir Path dir) {
        Path file = Fixtures.write(dir, "list.json", "{\"value\": [{\"type\": \"Microsoft.Compute/disks\"}, 42]}");

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage()).isEqualTo(file + ": /value/1: expected an object, found 42");
    }

    @Test
    void escapesSlashAndTildeInPointerKeys(@TempDir Path dir) {
        Path file = Fixtures.write(dir, "tags.json", """
                {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c",
                 "name": "c",
                 "networkProfile": {"networkPlugin": "kubenet"},
                 "tags": {"cost/center~x": 42}}
                """);

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage()).isEqualTo(file + ": /tags/cost~1center~0x: expected a string, found 42");
    }

    @Test
    void reportsAnIdThatIsNotAnArmId(@TempDir Path dir) {
        Path file = Fixtures.write(dir, "id.json", """
                {"type": "Microsoft.Network/routeTables", "id": "testrt", "name": "testrt"}
                """);

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage()).isEqualTo(file + ": /id: expected an ARM resource id, found \"testrt\"");
    }

    @Test
    void reportsAnInvalidDnsServiceAddress(@TempDir Path dir) {
        Path file = Fixtures.write(dir, "dns.json", """
                {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c",
                 "name": "c",
                 "properties": {"networkProfile": {"networkPlugin": "kubenet", "dnsServiceIP": "10.0.0.300"}}}
                """);

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage()).isEqualTo(file + ": /properties/networkProfile/dnsServiceIP: invalid address"
                + " '10.0.0.300': '10.0.0.300' is not an IPv4 address (300 is above 255)");
    }

    @Test
    void reportsPropertiesThatAreNotAnObject(@TempDir Path dir) {
        Path file = Fixtures.write(dir, "props.json", """
                {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v",
                 "name": "v", "properties": "10.0.0.0/16"}
                """);

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage()).isEqualTo(file + ": /properties: expected an object, found \"10.0.0.0/16\"");
    }

    @Test
    void reportsAFractionalCount(@TempDir Path dir) {
        Path file = Fixtures.write(dir, "fraction.json", """
                {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c",
                 "name": "c",
                 "networkProfile": {"networkPlugin": "kubenet"},
                 "agentPoolProfiles": [{"name": "p", "count": 2.5}]}
                """);

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage()).isEqualTo(file + ": /agentPoolProfiles/0/count: expected a whole number, found 2.5");
    }

    @Test
    void reportsNoJsonFilesForNoPaths() {
        InputException e = catchThrowableOfType(InputException.class, () -> new FleetReader().read(List.of()));

        assertThat(e.getMessage()).isEqualTo("no JSON files found");
    }
}
