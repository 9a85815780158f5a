package org.kubenetmigrate.executor.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MergePatchTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    /** RFC 7386 Appendix A, every example. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'a':'b'}              | {'a':'c'}            | {'a':'c'}",
        "{'a':'b'}              | {'b':'c'}            | {'a':'b','b':'c'}",
        "{'a':'b'}              | {'a':null}           | {}",
        "{'a':'b','b':'c'}      | {'a':null}           | {'b':'c'}",
        "{'a':['b']}            | {'a':'c'}            | {'a':'c'}",
        "{'a':'c'}              | {'a':['b']}          | {'a':['b']}",
        "{'a':{'b':'c'}}        | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
        "{'a':[{'b':'c'}]}      | {'a':[1]}            | {'a':[1]}",
        "['a','b']              | ['c','d']            | ['c','d']",
        "{'a':'b'}              | ['c']                | ['c']",
        "{'a':'foo'}            | null                 | null",
        "{'a':'foo'}            | 'bar'                | 'bar'",
        "{'e':null}             | {'a':1}              | {'e':null,'a':1}",
        "[1,2]                  | {'a':'b','c':null}   | {'a':'b'}",
        "{}                     | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}"
    })
    void appliesEveryExampleOfRfc7386AppendixA(String target, String patch, String expected) throws Exception {
        assertThat(MergePatch.apply(json(target), json(patch))).isEqualTo(json(expected));
    }

    @Test
    void leavesItsArgumentsUnchanged() throws Exception {
        JsonNode target = json("{'properties':{'networkProfile':{'networkPolicy':'calico','podCidr':'10.244.0.0/16'}}}");
        JsonNode patch = json("{'properties':{'networkProfile':{'networkPolicy':'none'}}}");
        JsonNode merged = MergePatch.apply(target, patch);
        assertThat(merged.at("/properties/networkProfile/networkPolicy").asText()).isEqualTo("none");
        assertThat(merged.at("/properties/networkProfile/podCidr").asText()).isEqualTo("10.244.0.0/16");
        assertThat(target.at("/properties/networkProfile/networkPolicy").asText()).isEqualTo("calico");
    }

    @Test
    void aChangeIsInEffectWhenApplyingItWouldChangeNothingIgnoringTheCaseArmDoesNotKeep() throws Exception {
        JsonNode live = json("{'identity':{'type':'UserAssigned','userAssignedIdentities':{'/SUBSCRIPTIONS/x/id1':"
                + "{'principalId':'p'}}},'properties':{'networkProfile':{'networkPlugin':'Azure','networkPluginMode':"
                + "'overlay'}}}");
        assertThat(MergePatch.isInEffect(live, json("{'properties':{'networkProfile':{'networkPlugin':'azure',"
                + "'networkPluginMode':'overlay'}}}"))).isTrue();
        assertThat(MergePatch.isInEffect(live, json("{'identity':{'type':'UserAssigned','userAssignedIdentities':"
                + "{'/subscriptions/x/id1':{}}}}"))).isTrue();
        assertThat(MergePatch.isInEffect(live, json("{'properties':{'networkProfile':{'networkPolicy':'none'}}}")))
                .as("an absent member is not 'none'").isFalse();
        assertThat(MergePatch.isInEffect(live, json("{'properties':{'networkProfile':{'networkPolicy':null}}}")))
                .as("null in a patch means absent").isTrue();
        assertThat(MergePatch.isInEffect(live, json("{'properties':{'networkProfile':{'networkPlugin':'kubenet'}}}")))
                .isFalse();
    }
}
