package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a problem is reported: pointers name keys as the input writes them (a key found ignoring case), an absent
 * object's fields where they would have been, and an array's element by its index.
 */
class JsonFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aKeyFoundIgnoringCaseIsNamedAsWritten() throws Exception {
        JsonFields root = fields("{\"Properties\": {\"NetworkProfile\": {\"podCidr\": \"10.0.0.1/16\"}}}");

        JsonFields profile = root.propertiesOrSelf().object("networkProfile");
        InputException e = catchThrowableOfType(InputException.class, () -> profile.prefix("podCIDR"));

        assertThat(e.pointer()).isEqualTo("/3/Properties/NetworkProfile/podCidr");
        assertThat(profile.pointer()).isEqualTo("/3/Properties/NetworkProfile");
    }

    @Test
    void aFieldOfAnAbsentObjectIsNamedWhereItWouldBe() throws Exception {
        JsonFields root = fields("{\"properties\": {\"powerState\": null}}");

        JsonFields power = root.propertiesOrSelf().object("powerState");
        JsonFields profile = root.propertiesOrSelf().object("networkProfile");
        InputException e = catchThrowableOfType(InputException.class, () -> profile.requiredString("networkPlugin"));

        assertThat(power.pointer()).isEqualTo("/3/properties/powerState");
        assertThat(e.pointer()).isEqualTo("/3/properties/networkProfile/networkPlugin");
        assertThat(e.problem()).isEqualTo("missing required field");
    }

    @Test
    void anElementIsNamedByItsIndexCountingNulls() throws Exception {
        JsonFields root = fields("{\"Pools\": [null, {\"name\": \"a\"}, {\"count\": \"x\"}], \"cidrs\": [\"10.0.0.0/8\","
                + " null, 7]}");

        List<JsonFields> pools = root.objects("pools");
        InputException count = catchThrowableOfType(InputException.class, () -> pools.get(1).integer("count"));
        InputException cidr = catchThrowableOfType(InputException.class, () -> root.prefixes("cidrs"));

        assertThat(pools).hasSize(2);
        assertThat(pools.get(0).pointer()).isEqualTo("/3/Pools/1");
        assertThat(count.pointer()).isEqualTo("/3/Pools/2/count");
        assertThat(cidr.pointer()).isEqualTo("/3/cidrs/2");
        assertThat(cidr.problem()).isEqualTo("expected a string, found 7");
    }

    @Test
    void anExactKeyWinsOverOneDifferingInCaseEvenWhenNull() throws Exception {
        JsonFields root = fields("{\"Location\": \"westeurope\", \"location\": null, \"Name\": \"n\", \"name\": 5}");

        InputException e = catchThrowableOfType(InputException.class, () -> root.string("name"));

        assertThat(root.string("location")).isNull();
        assertThat(e.pointer()).isEqualTo("/3/name");
    }

    @Test
    void shortStringsReadFromOneFileAreKeptOnce() throws Exception {
        RetainedStrings strings = new RetainedStrings();
        String longId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg";
        JsonFields first = JsonFields.of("f", "/0", JSON.readTree("{\"location\": \"westeurope\", \"id\": \"" + longId
                + "\", \"tags\": {\"owner\": \"team\"}}"), strings);
        JsonFields second = JsonFields.of("f", "/1", JSON.readTree("{\"location\": \"westeurope\", \"id\": \"" + longId
                + "\", \"tags\": {\"owner\": \"team\"}}"), strings);

        assertThat(second.string("location")).isSameAs(first.string("location")).isEqualTo("westeurope");
        assertThat(second.stringMap("tags").get("owner")).isSameAs(first.stringMap("tags").get("owner"));
        assertThat(second.string("id")).isEqualTo(first.string("id")).isNotSameAs(first.string("id"));
    }

    private static JsonFields fields(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return JsonFields.of("file.json", "/3", node);
    }
}
