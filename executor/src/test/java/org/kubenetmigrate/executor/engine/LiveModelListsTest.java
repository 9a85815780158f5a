package org.kubenetmigrate.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.kubenetmigrate.executor.azure.RawResource;
import org.kubenetmigrate.planner.model.SurroundingType;
import org.kubenetmigrate.planner.model.Surroundings;

/**
 * The precheck's lock and NSG lists count as complete only when ARM says so: a page that names a nextLink
 * (ManagementLockListResult and NetworkSecurityGroupListResult both page through it) leaves the type a gap, so a lock
 * on a later page cannot pass unseen.
 */
class LiveModelListsTest {
    private static final String SUB = "00000000-0000-0000-0000-00000000a001";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aCompleteListCoversItsSubscriptionEvenWhenEmpty() throws Exception {
        Surroundings.Builder around = new Surroundings.Builder();
        LiveModel.coverUnlessPaged(around, new RawResource(MAPPER.readTree("{\"value\": []}"), null),
                SurroundingType.LOCKS, SUB);

        Surroundings built = around.build();
        assertThat(built.covers(SurroundingType.LOCKS, SUB)).isTrue();
        assertThat(built.missing(SurroundingType.LOCKS, SUB)).isEmpty();
    }

    @Test
    void aPageWithANextLinkIsAGapNotAnAnswer() throws Exception {
        Surroundings.Builder around = new Surroundings.Builder();
        LiveModel.coverUnlessPaged(around, new RawResource(MAPPER.readTree("""
                {"value": [], "nextLink": "https://management.azure.com/subscriptions/%s/providers/Microsoft.Authorization/locks?api-version=2020-05-01&$skiptoken=x"}"""
                .formatted(SUB)), null), SurroundingType.LOCKS, SUB);

        Surroundings built = around.build();
        assertThat(built.covers(SurroundingType.LOCKS, SUB)).isFalse();
        assertThat(built.notInInput(SurroundingType.LOCKS, SUB)).as("a gap, not missing input").isFalse();
        assertThat(built.missing(SurroundingType.LOCKS, SUB)).hasValueSatisfying(m -> assertThat(m)
                .contains("nextLink", "check them by hand"));
    }
}
