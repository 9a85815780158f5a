package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.planner.model.Fleet;

/**
 * A file holding a bare array of resources is read one resource at a time; what it means and how its problems read
 * are those of the same resources read as one tree (an ARM list holding the same array).
 */
class StreamedArrayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROWS = Path.of("../examples/fleet/resource-graph/sub-a003-northeurope-render.json");

    @Test
    void aBareArrayMeansWhatTheSameResourcesMeanInAnArmList(@TempDir Path dir) throws Exception {
        JsonNode rows = JSON.readTree(ROWS.toFile());
        assertThat(rows.isArray() && rows.size() > 1).as("the example is a bare array of several resources").isTrue();
        ObjectNode list = JSON.createObjectNode();
        list.set("value", rows);
        Path bare = Files.writeString(dir.resolve("bare.json"), JSON.writeValueAsString(rows));
        Path wrapped = Files.writeString(dir.resolve("list.json"), JSON.writeValueAsString(list));

        Fleet streamed = Fixtures.read(bare);
        Fleet tree = Fixtures.read(wrapped);

        assertThat(streamed.clusters()).isNotEmpty();
        assertThat(streamed.virtualNetworks()).isNotEmpty();
        assertThat(streamed.clusters()).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*source.*")
                .isEqualTo(tree.clusters());
        assertThat(streamed.virtualNetworks()).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*source.*")
                .isEqualTo(tree.virtualNetworks());
        assertThat(streamed.routeTables()).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*source.*")
                .isEqualTo(tree.routeTables());
    }

    @Test
    void twoArraysAppendedToOneFileAreTrailingContent(@TempDir Path dir) {
        Path file = Fixtures.write(dir, "appended.json", "[{\"name\": \"a\"}]\n[{\"name\": \"b\"}]\n");

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage())
                .isEqualTo(file + ": not valid JSON: Trailing token (of type START_ARRAY) found after value at line 2, column 1");
    }

    @Test
    void aSyntaxErrorInALaterElementNamesTheFileAndWhere(@TempDir Path dir) {
        Path file = Fixtures.write(dir, "broken.json", "[{\"name\": \"a\"},\n {\"name\": }]\n");

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage()).startsWith(file + ": not valid JSON: ").contains("at line 2, column");
    }

    @Test
    void anArrayCutShortIsNotValidJson(@TempDir Path dir) {
        Path file = Fixtures.write(dir, "cut.json", "[{\"name\": \"a\"},\n");

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage()).startsWith(file + ": not valid JSON: Unexpected end-of-input");
    }

    @Test
    void aBadValueIsNamedByItsElementsPointer(@TempDir Path dir) throws Exception {
        ArrayNode rows = (ArrayNode) JSON.readTree(ROWS.toFile());
        int cluster = -1;
        for (int i = 0; i < rows.size() && cluster < 0; i++) {
            if (rows.get(i).path("type").asText().equalsIgnoreCase("Microsoft.ContainerService/managedClusters")) {
                cluster = i;
            }
        }
        assertThat(cluster).as("the example holds a cluster").isNotNegative();
        ((ObjectNode) rows.get(cluster).at("/properties/networkProfile")).put("podCidr", "10.244.0.0/33");
        Path file = Files.writeString(dir.resolve("bad.json"), JSON.writeValueAsString(rows));

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage()).startsWith(file + ": /" + cluster + "/properties/networkProfile/podCidr: invalid CIDR");
    }
}
