package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kubenetmigrate.planner.model.InputMetadata;

/** What the reader records about the input for the reports: capture times, their basis, and limits. */
class InputMetadataTest {
    static final String VNET = "{\"id\": \"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/"
            + "virtualNetworks/v%d\", \"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"v%d\","
            + " \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.%d.0.0/16\"]}, \"subnets\": []}}";
    @TempDir
    Path dir;

    Path file(String name, String json, String modified) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse(modified)));
        return f;
    }

    @Test
    void fileModificationTimesGiveTheOldestAndNewestCapture() throws Exception {
        file("a.json", VNET.formatted(1, 1, 1), "2026-11-20T08:00:00Z");
        file("b.json", VNET.formatted(2, 2, 2), "2026-11-28T09:30:00Z");
        InputMetadata meta = new FleetReader().readInput(List.of(dir)).metadata();
        assertThat(meta.files()).isEqualTo(2);
        assertThat(meta.oldest()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(meta.newest()).isEqualTo(Instant.parse("2026-11-28T09:30:00Z"));
        assertThat(meta.basis()).isEqualTo("file modification time");
        assertThat(meta.sources()).containsExactly(dir.toString());
    }

    @Test
    void aGeneratedAtAtTheRootBeatsTheModificationTime() throws Exception {
        file("snapshot.json", "{\"generatedAt\": \"2026-11-01T00:00:00Z\", \"value\": [" + VNET.formatted(1, 1, 1) + "]}",
                "2026-11-30T00:00:00Z");
        InputMetadata meta = new FleetReader().readInput(List.of(dir)).metadata();
        assertThat(meta.oldest()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(meta.basis()).isEqualTo("generatedAt recorded in the input");
    }

    @Test
    void savedPagesAreMissingDataSkippedAndRepeatedResourcesAreNoted() throws Exception {
        file("page.json", "{\"value\": [" + VNET.formatted(1, 1, 1) + "], \"nextLink\": \"https://management.azure.com/next\"}",
                "2026-11-30T00:00:00Z");
        file("repeat.json", "[" + VNET.formatted(1, 1, 1) + ", {\"id\": \"/subscriptions/s/resourceGroups/rg/providers/"
                + "Microsoft.Storage/storageAccounts/st\", \"type\": \"Microsoft.Storage/storageAccounts\"}]",
                "2026-11-30T00:00:00Z");
        InputMetadata meta = new FleetReader().readInput(List.of(dir)).metadata();
        assertThat(meta.missing()).anySatisfy(n -> assertThat(n).contains("page.json: has \"nextLink\": it is one page"))
                .anySatisfy(n -> assertThat(n).startsWith("no managed cluster"));
        assertThat(meta.incomplete()).isTrue();
        assertThat(meta.notes()).contains("1 resource(s) of other types skipped")
                .anySatisfy(n -> assertThat(n).startsWith("1 resource(s) read more than once"));
    }
}
