package org.kubenetmigrate.planner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kubenetmigrate.planner.cidr.IpPrefix;

/** A route gives back exactly the text it was built from, however it holds it, and compares as a record would. */
class RouteTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "10.244.0.0/24|VirtualAppliance|10.240.0.4",
        "10.244.0.0/24|virtualappliance|10.240.0.4",
        "0.0.0.0/0|VirtualAppliance|255.255.255.255",
        "0.0.0.0/0|Internet|-",
        "10.0.3.0/24|VirtualNetworkGateway|-",
        "AzureCloud.westus|Internet|-",
        "10.0.0.0/8|VirtualAppliance|' 10.1.0.4'",
        "fd00::/64|VirtualAppliance|fd00::4",
        "fd00:0::/64|VirtualAppliance|FD00::4",
        "10.0.0.0/8|SomethingNew|10.0.0.04",
        "10.0.0.0/8|VirtualAppliance|10.1.0.4.5"})
    void givesBackTheTextItWasBuiltFrom(String addressPrefix, String nextHopType, String nextHop) {
        IpPrefix prefix = Character.isLetter(addressPrefix.charAt(0)) ? null : IpPrefix.parse(addressPrefix);

        Route route = new Route("r1", addressPrefix, prefix, nextHopType, nextHop);
        Route again = new Route("r1", new String(addressPrefix), prefix, nextHopType == null ? null
                : new String(nextHopType), nextHop == null ? null : new String(nextHop));

        assertThat(route.name()).isEqualTo("r1");
        assertThat(route.addressPrefix()).isEqualTo(addressPrefix);
        assertThat(route.prefix()).isEqualTo(prefix);
        assertThat(route.nextHopType()).isEqualTo(nextHopType);
        assertThat(route.nextHopIpAddress()).isEqualTo(nextHop);
        assertThat(route).isEqualTo(again).hasSameHashCodeAs(again);
        assertThat(route.toString()).isEqualTo("Route[name=r1, addressPrefix=" + addressPrefix + ", prefix=" + prefix
                + ", nextHopType=" + nextHopType + ", nextHopIpAddress=" + nextHop + "]");
    }

    @Test
    void routesDifferingInAnyComponentAreNotEqual() {
        IpPrefix prefix = IpPrefix.parse("10.244.0.0/24");
        Route route = new Route("r1", "10.244.0.0/24", prefix, "VirtualAppliance", "10.240.0.4");

        assertThat(route).isNotEqualTo(new Route("r2", "10.244.0.0/24", prefix, "VirtualAppliance", "10.240.0.4"))
                .as("same prefix written otherwise")
                .isNotEqualTo(new Route("r1", " 10.244.0.0/24", prefix, "VirtualAppliance", "10.240.0.4"))
                .isNotEqualTo(new Route("r1", "10.244.0.0/24", prefix, "VirtualAppliance", "10.240.0.5"))
                .isNotEqualTo(new Route("r1", "10.244.0.0/24", prefix, "VirtualAppliance", "10.240.0.04"))
                .isNotEqualTo(new Route("r1", "10.244.0.0/24", prefix, "VirtualAppliance", null))
                .isNotEqualTo(new Route("r1", "10.244.0.0/24", prefix, "virtualAppliance", "10.240.0.4"));
    }

    @Test
    void onlyTheIpv4DefaultRouteCarriesEgress() {
        assertThat(new Route("d", "0.0.0.0/0", IpPrefix.parse("0.0.0.0/0"), "VirtualAppliance", "10.2.0.4")
                .isDefaultRoute()).isTrue();
        assertThat(new Route("t", "Internet", null, "Internet", null).isDefaultRoute()).isFalse();
    }

    @Test
    void aParsedPrefixWithoutItsTextIsRefused() {
        assertThatThrownBy(() -> new Route("r", null, IpPrefix.parse("10.0.0.0/8"), "None", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
