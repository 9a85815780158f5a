package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Elements parsed ahead on a thread of their own read as the sequential read gives them: same elements in the same
 * order, a parser error only after every element before it, and no thread left behind however the read ends.
 */
class ElementsAheadTest {
    private static final String CLUSTER = "{\"id\": \"/subscriptions/s/resourceGroups/rg/providers/"
            + "Microsoft.ContainerService/managedClusters/c%d\", \"name\": \"c%d\", \"type\":"
            + " \"Microsoft.ContainerService/managedClusters\", \"properties\": {\"networkProfile\":"
            + " {\"networkPlugin\": \"kubenet\", \"podCidr\": \"%s\"}}}";

    @Test
    void givesTheElementsInFileOrder(@TempDir Path dir) throws Exception {
        Path file = Fixtures.write(dir, "many.json", array(1000, -1));

        List<JsonNode> sequential = drain(InputFiles.ArrayElements.open(file));
        List<JsonNode> ahead = drain(ElementsAhead.start(file.toString(), InputFiles.ArrayElements.open(file)));

        assertThat(ahead).hasSize(1000).isEqualTo(sequential);
        assertThat(parsingThreads()).isEmpty();
    }

    @Test
    void aSyntaxErrorComesAfterEveryElementBeforeIt(@TempDir Path dir) throws Exception {
        Path file = Fixtures.write(dir, "broken.json", array(600, -1).replace("\"c500\"", "\"c500\" oops"));
        List<JsonNode> read = new ArrayList<>();

        InputException e;
        try (ElementsAhead elements = ElementsAhead.start(file.toString(), InputFiles.ArrayElements.open(file))) {
            e = catchThrowableOfType(InputException.class, () -> {
                for (JsonNode node = elements.next(); node != null; node = elements.next()) {
                    read.add(node);
                }
            });
        }

        assertThat(read).hasSize(500);
        assertThat(e.getMessage()).startsWith(file + ": not valid JSON: Unexpected character ('o'");
        assertThat(parsingThreads()).isEmpty();
    }

    @Test
    void closingEarlyStopsTheThread(@TempDir Path dir) throws Exception {
        Path file = Fixtures.write(dir, "many.json", array(5000, -1));

        try (ElementsAhead elements = ElementsAhead.start(file.toString(), InputFiles.ArrayElements.open(file))) {
            assertThat(elements.next()).isNotNull();
        }

        assertThat(parsingThreads()).isEmpty();
    }

    @Test
    void aMappingErrorBeforeASyntaxErrorIsTheOneReported(@TempDir Path dir) {
        String json = array(400, 7).replace("\"c300\"", "\"c300\" oops");
        Path file = Fixtures.write(dir, "one-export.json", json);

        InputException e = catchThrowableOfType(InputException.class, () -> Fixtures.read(file));

        assertThat(e.getMessage()).isEqualTo(file + ": /7/properties/networkProfile/podCidr: invalid CIDR"
                + " '10.244.0.0/33': '10.244.0.0/33' has prefix length 33, more than 32");
        assertThat(parsingThreads()).isEmpty();
    }

    @Test
    void oneFileReadsAsTheSameResourcesInSeveralFiles(@TempDir Path dir) throws Exception {
        Path one = Fixtures.write(dir, "one/all.json", array(60, -1));
        for (int part = 0; part < 3; part++) {
            int from = part * 20;
            Fixtures.write(dir, "three/part-" + part + ".json", IntStream.range(from, from + 20)
                    .mapToObj(ElementsAheadTest::cluster).collect(Collectors.joining(",\n", "[", "]")));
        }

        var single = new FleetReader().read(List.of(one));
        var several = new FleetReader().read(List.of(dir.resolve("three")));

        assertThat(single.clusters()).hasSize(60);
        assertThat(single.clusters()).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*source.*")
                .isEqualTo(several.clusters());
    }

    /** {@code count} clusters in one bare array; the one at {@code badAt} (if any) has an impossible pod CIDR. */
    private static String array(int count, int badAt) {
        return IntStream.range(0, count)
                .mapToObj(i -> i == badAt ? String.format(CLUSTER, i, i, "10.244.0.0/33") : cluster(i))
                .collect(Collectors.joining(",\n", "[", "]"));
    }

    private static String cluster(int i) {
        return String.format(CLUSTER, i, i, "10.244.0.0/16");
    }

    private static List<JsonNode> drain(InputFiles.Elements elements) throws InputException {
        List<JsonNode> result = new ArrayList<>();
        try (elements) {
            for (JsonNode node = elements.next(); node != null; node = elements.next()) {
                result.add(node);
            }
        }
        return result;
    }

    private static List<Thread> parsingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("kubenet-migrate-parse") && t.isAlive()).toList();
    }
}
