package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kubenetmigrate.planner.waivers.ClusterSelector;
import org.kubenetmigrate.planner.waivers.WaiverSet;

class WaiversReaderTest {
    static final Set<String> RULES = Set.of("route-table-shared", "identity-type");
    @TempDir
    Path dir;

    Path write(String yaml) throws Exception {
        Path file = dir.resolve("waivers.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    static final String VALID = """
            version: 1
            waivers:
              - rule: route-table-shared
                cluster: {name: "aks-cards-*"}
                reason: App Gateway subnet gets its own route table in CHG-1234
                owner: cards-platform@example.com
                expires: 2027-03-31
              - rule: identity-type
                cluster:
                  id: /subscriptions/00000000-0000-0000-0000-00000000a001/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-ledger
                reason: identity change scheduled
                owner: ledger@example.com
                expires: "2027-01-15"
              - rule: identity-type
                cluster: {tag: "cost-center=cc=42"}
                reason: r
                owner: o
                expires: 2026-12-31
            """;

    @Test
    void readsEachSelectorKindAndTheExpiryDate() throws Exception {
        WaiverSet set = new WaiversReader(RULES).read(write(VALID));
        assertThat(set.waivers()).hasSize(3);
        assertThat(set.waivers().get(0).cluster()).isInstanceOf(ClusterSelector.ByName.class);
        assertThat(set.waivers().get(0).expires()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(set.waivers().get(0).location()).endsWith("waivers.yaml /waivers/0");
        assertThat(set.waivers().get(1).cluster()).isInstanceOf(ClusterSelector.ById.class);
        assertThat(set.waivers().get(2).cluster()).isEqualTo(new ClusterSelector.ByTag("cost-center", "cc=42"));
    }

    @Test
    void anEmptyListIsNoWaivers() throws Exception {
        assertThat(new WaiversReader(RULES).read(write("waivers: []\n")).waivers()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field|expiry: 2027-01-01|/waivers/0/expiry: unknown field",
        "missing owner|owner: ~|/waivers/0/owner: missing",
        "bad date|expires: 2027-13-01|/waivers/0/expires: not a calendar date: '2027-13-01'",
        "date format|expires: 31.03.2027|/waivers/0/expires: expected a date YYYY-MM-DD, found '31.03.2027'",
        "unknown rule|rule: route-table-shard|/waivers/0/rule: unknown rule 'route-table-shard'; known rules: identity-type, route-table-shared",
        "two selectors|cluster: {name: a, tag: b=c}|/waivers/0/cluster: expected exactly one of id, name or tag, found name and tag",
        "tag without value|cluster: {tag: team}|/waivers/0/cluster/tag: expected key=value, found 'team'",
        "id not arm|cluster: {id: aks-cards}|/waivers/0/cluster/id: not an ARM resource id",
        "empty reason|reason: '  '|/waivers/0/reason: is empty",
        "list as owner|owner: [a, b]|/waivers/0/owner: expected text"})
    void aBadFieldIsReportedWithItsPointer(String what, String replacement, String expected) throws Exception {
        String base = """
                waivers:
                  - rule: identity-type
                    cluster: {name: x}
                    reason: r
                    owner: o
                    expires: 2027-01-01
                """;
        String key = replacement.substring(0, replacement.indexOf(':'));
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("(?m)^(\\s*-?\\s*)" + key + ":.*$");
        String yaml = line.matcher(base).find()
                ? line.matcher(base).replaceAll("$1" + java.util.regex.Matcher.quoteReplacement(replacement))
                : base + "    " + replacement + "\n";
        Path file = write(yaml);
        assertThatThrownBy(() -> new WaiversReader(RULES).read(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": " + expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void brokenYamlNamesTheLine() throws Exception {
        Path file = write("waivers:\n  - rule: [unclosed\n");
        assertThatThrownBy(() -> new WaiversReader(RULES).read(file))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(file + ": not valid YAML:")
                .hasMessageContaining("line");
    }

    @Test
    void anEmptyFileOrAnotherVersionIsRejected() throws Exception {
        assertThatThrownBy(() -> new WaiversReader(RULES).read(write("")))
                .hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> new WaiversReader(RULES).read(write("version: 2\nwaivers: []\n")))
                .hasMessageContaining("/version: unsupported version 2");
        assertThatThrownBy(() -> new WaiversReader(RULES).read(write("- rule: x\n")))
                .hasMessageContaining("expected a mapping with a 'waivers' list");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an alias without an anchor|    cluster: {name: *-prod}|line 4: YAML alias *-prod is not accepted",
        "an anchor and its alias|    cluster: &c {name: aks-*}|line 4: YAML anchor &c is not accepted"})
    void yamlAliasesAndAnchorsAreRefused(String what, String clusterLine, String expected) throws Exception {
        Path file = write("""
                waivers:
                  - rule: identity-type
                    reason: r
                %s
                    owner: o
                    expires: 2027-01-01
                """.formatted(clusterLine));
        assertThatThrownBy(() -> new WaiversReader(RULES).read(file)).isInstanceOf(InputException.class)
                .hasMessage(file + ": " + expected + " in a waivers file; write each value out");
    }

    @Test
    void aDuplicateKeyIsRejected() throws Exception {
        Path file = write("waivers: []\nwaivers: []\n");
        assertThatThrownBy(() -> new WaiversReader(RULES).read(file)).hasMessageContaining("Duplicate field 'waivers'");
    }

    @Test
    void aMissingFileIsOneLine() {
        assertThatThrownBy(() -> new WaiversReader(RULES).read(dir.resolve("nope.yaml")))
                .hasMessageEndingWith("nope.yaml: no such file or directory");
    }
}
