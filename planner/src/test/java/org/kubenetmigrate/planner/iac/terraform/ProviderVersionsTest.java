package org.kubenetmigrate.planner.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderVersionsTest {
    @ParameterizedTest(name = "\"{0}\": older allowed {1}, only older {2}")
    @CsvSource(delimiter = '|', value = {
        "~> 4.0           | true  | false",
        "~> 3.117         | true  | true",
        "~> 4.66.0        | false | false",
        "~> 4.65.1        | true  | true",
        ">= 4.66.0        | false | false",
        ">= 4.66, < 5.0   | false | false",
        ">= 3.110, < 5.0  | true  | false",
        "= 4.57.0         | true  | true",
        "4.70.1           | false | false",
        ">= 3.106.1, < 4.0| true  | true",
        "> 4.65.9         | true  | false",
        "<= 4.66.0        | true  | false",
        "!= 4.60.0        | true  | false"})
    void constraintsAreReducedToTheReleasesTheyAllow(String constraint, boolean older, boolean onlyOlder) {
        ProviderVersions.Range range = ProviderVersions.range(constraint).orElseThrow();
        assertThat(range.allowsBefore(ProviderVersions.OVERLAY_IN_PLACE)).isEqualTo(older);
        assertThat(range.onlyBefore(ProviderVersions.OVERLAY_IN_PLACE)).isEqualTo(onlyOlder);
    }

    @ParameterizedTest
    @CsvSource({"latest", ">= four", "~>"})
    void unreadableConstraintsAssumeNothingAndSaySo(String constraint) {
        assertThat(ProviderVersions.range(constraint)).isEmpty();
        assertThat(ProviderVersions.assess(constraint, null, false)).singleElement()
                .asString().contains("cannot read the azurerm version constraint", "4.66.0");
    }

    @org.junit.jupiter.api.Test
    void aSafeConstraintWithAnOldLockFileStillWarns() {
        assertThat(ProviderVersions.assess(">= 4.66.0", "4.57.0", false)).singleElement().asString()
                .contains(".terraform.lock.hcl selects azurerm 4.57.0", "terraform init -upgrade");
        assertThat(ProviderVersions.assess(">= 4.66.0", "4.70.0", true)).isEmpty();
    }
}
