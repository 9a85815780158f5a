package org.kubenetmigrate.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kubenetmigrate.executor.azure.ETag;
import org.kubenetmigrate.planner.plan.ArmRequest;

class IfMatchTest {

    @Test
    void noPlannedHeaderSendsNone() {
        assertThat(IfMatch.value(null, ETag.parse("\"a\""))).isNull();
    }

    @Test
    void theEtagOfTheReadIsSentExactlyAsArmWroteIt() {
        assertThat(IfMatch.value(ArmRequest.ETAG_OF_READ, ETag.parse("\"a\""))).isEqualTo("\"a\"");
        assertThat(IfMatch.value(ArmRequest.ETAG_OF_READ, ETag.parse("W/\"a\""))).isEqualTo("W/\"a\"");
        assertThat(IfMatch.value(ArmRequest.ETAG_OF_READ, ETag.parse("a"))).isEqualTo("a");
        assertThat(IfMatch.value(ArmRequest.ETAG_OF_READ, null)).isNull();
    }

    @Test
    void aPlannedBareEtagThatStillMatchesIsSentInTheFormOfTheRead() {
        assertThat(IfMatch.value("a", ETag.parse("\"a\""))).isEqualTo("\"a\"");
        assertThat(IfMatch.value("a", ETag.parse("a"))).isEqualTo("a");
    }

    @Test
    void aPlannedEtagThatNoLongerMatchesIsSentAsPlannedSoArmRefusesIt() {
        assertThat(IfMatch.value("a", ETag.parse("\"b\""))).isEqualTo("a");
        assertThat(IfMatch.value("a", null)).isEqualTo("a");
    }
}
