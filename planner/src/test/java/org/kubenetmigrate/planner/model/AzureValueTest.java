package org.kubenetmigrate.planner.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every closed set of Azure's values parses known values in any case and keeps an unknown one as sent. */
class AzureValueTest {
    static Stream<Arguments> sets() {
        return Stream.of(
                set("networkPlugin", NetworkPlugin::parse, NetworkPlugin.KUBENET, "kubenet", "Kubenet"),
                set("networkPlugin", NetworkPlugin::parse, NetworkPlugin.AZURE, "azure", "AZURE"),
                set("networkPlugin", NetworkPlugin::parse, NetworkPlugin.NONE, "none", "None"),
                set("networkPolicy", NetworkPolicy::parse, NetworkPolicy.CILIUM, "cilium", "Cilium"),
                set("networkPolicy", NetworkPolicy::parse, NetworkPolicy.CALICO, "calico", " CALICO "),
                set("networkPolicy", NetworkPolicy::parse, NetworkPolicy.AZURE, "azure", "Azure"),
                set("networkPolicy", NetworkPolicy::parse, NetworkPolicy.NONE, "none", "NONE"),
                set("networkDataplane", Dataplane::parse, Dataplane.CILIUM, "cilium", "CiLiUm"),
                set("networkDataplane", Dataplane::parse, Dataplane.AZURE, "azure", "Azure"),
                set("networkPluginMode", NetworkPluginMode::parse, NetworkPluginMode.OVERLAY, "overlay", "Overlay"),
                set("provisioningState", ProvisioningState::parse, ProvisioningState.SUCCEEDED, "Succeeded",
                        "succeeded"),
                set("provisioningState", ProvisioningState::parse, ProvisioningState.FAILED, "Failed", "FAILED"),
                set("provisioningState", ProvisioningState::parse, ProvisioningState.CANCELED, "Canceled", "canceled"));
    }

    private static <K extends Enum<K> & AzureValue.Kind> Arguments set(String field,
            Function<String, AzureValue<K>> parse, K known, String wire, String otherCase) {
        return Arguments.of(field + " " + wire, parse, known, wire, otherCase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    <K extends Enum<K> & AzureValue.Kind> void knownValuesMatchInAnyCaseAndPrintAsAzureSpellsThem(String name,
            Function<String, AzureValue<K>> parse, K known, String wire, String otherCase) {
        assertThat(parse.apply(wire).kind()).isEqualTo(known);
        assertThat(parse.apply(otherCase).kind()).isEqualTo(known);
        assertThat(parse.apply(otherCase)).hasToString(wire).isEqualTo(AzureValue.of(known));
        assertThat(parse.apply(otherCase).unknown()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    <K extends Enum<K> & AzureValue.Kind> void anUnknownValueIsKeptAsSentAndMatchesNoKnownCase(String name,
            Function<String, AzureValue<K>> parse, K known, String wire, String otherCase) {
        AzureValue<K> value = parse.apply("NewThing-2027 ");

        assertThat(value.unknown()).isTrue();
        assertThat(value.kind().name()).isEqualTo("OTHER");
        assertThat(value.is(known)).isFalse();
        assertThat(value).hasToString("NewThing-2027");
        // A near miss is not a match: "kubenet2" is not kubenet.
        assertThat(parse.apply(wire + "2").is(known)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    <K extends Enum<K> & AzureValue.Kind> void anAbsentOrBlankValueIsAbsent(String name,
            Function<String, AzureValue<K>> parse, K known, String wire, String otherCase) {
        assertThat(parse.apply(null)).isNull();
        assertThat(parse.apply("  ")).isNull();
        assertThat(AzureValue.is(null, known)).isFalse();
        assertThat(AzureValue.text(null)).isNull();
    }

    @Test
    void aRunningOperationIsNotIdleAndOnlyFailedOrCanceledFailed() {
        assertThat(ProvisioningState.idle(ProvisioningState.parse("Updating"))).isFalse();
        assertThat(ProvisioningState.idle(ProvisioningState.parse("succeeded"))).isTrue();
        assertThat(ProvisioningState.idle(null)).isTrue();
        assertThat(ProvisioningState.failed(ProvisioningState.parse("canceled"))).isTrue();
        assertThat(ProvisioningState.failed(ProvisioningState.parse("Failed"))).isTrue();
        assertThat(ProvisioningState.failed(ProvisioningState.parse("Reconciling"))).isFalse();
    }
}
