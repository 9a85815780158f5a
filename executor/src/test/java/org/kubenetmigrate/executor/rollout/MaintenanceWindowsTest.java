package org.kubenetmigrate.executor.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Planned-maintenance windows in the shapes ARM returns (maintenanceConfigurations list, 2025-09-01). */
class MaintenanceWindowsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode list(String properties) throws Exception {
        return MAPPER.readTree("{\"value\":[{\"name\":\"aksManagedAutoUpgradeSchedule\",\"properties\":" + properties
                + "}]}");
    }

    // 2026-12-01 is a Tuesday.
    static final String WEEKLY = """
            {"maintenanceWindow":{"schedule":{"weekly":{"intervalWeeks":1,"dayOfWeek":"Saturday"}},
             "durationHours":4,"utcOffset":"+01:00","startDate":"2026-01-03","startTime":"22:00"}}""";

    @Test
    void noConfigurationMeansNoHold() throws Exception {
        assertThat(MaintenanceWindows.evaluate(MAPPER.readTree("{\"value\":[]}"), Instant.parse("2026-12-01T12:00:00Z"))
                .open()).isTrue();
        assertThat(MaintenanceWindows.evaluate(null, Instant.parse("2026-12-01T12:00:00Z")).open()).isTrue();
    }

    @Test
    void aWeeklyWindowInItsOwnOffsetIsClosedOnTuesdayAndOpensSaturdayNight() throws Exception {
        MaintenanceWindows.Verdict tuesday = MaintenanceWindows.evaluate(list(WEEKLY), Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(tuesday.open()).isFalse();
        assertThat(tuesday.nextOpening()).isEqualTo(Instant.parse("2026-12-05T21:00:00Z"));
        assertThat(tuesday.reason()).contains("maintenance window closed (aksManagedAutoUpgradeSchedule)")
                .contains("2026-12-05T21:00:00Z");
        assertThat(MaintenanceWindows.evaluate(list(WEEKLY), Instant.parse("2026-12-06T00:30:00Z")).open())
                .as("inside the 4 hours, past midnight").isTrue();
        assertThat(MaintenanceWindows.evaluate(list(WEEKLY), Instant.parse("2026-12-06T01:00:00Z")).open()).isFalse();
    }

    @Test
    void notAllowedDatesAndIntervalsSkipOpenings() throws Exception {
        String daily = """
                {"maintenanceWindow":{"schedule":{"daily":{"intervalDays":2}},"durationHours":2,"utcOffset":"+00:00",
                 "startDate":"2026-11-30","startTime":"01:00","notAllowedDates":[{"start":"2026-12-02","end":"2026-12-03"}]}}""";
        MaintenanceWindows.Verdict v = MaintenanceWindows.evaluate(list(daily), Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(v.open()).isFalse();
        assertThat(v.nextOpening()).as("12-02 is excluded; every second day from 11-30").isEqualTo(
                Instant.parse("2026-12-04T01:00:00Z"));
    }

    @Test
    void theOlderTimeInWeekSlotsAreUtcHours() throws Exception {
        String legacy = "{\"timeInWeek\":[{\"day\":\"Tuesday\",\"hourSlots\":[12,13]}]}";
        assertThat(MaintenanceWindows.evaluate(list(legacy), Instant.parse("2026-12-01T12:30:00Z")).open()).isTrue();
        assertThat(MaintenanceWindows.evaluate(list(legacy), Instant.parse("2026-12-01T14:00:00Z")).nextOpening())
                .isEqualTo(Instant.parse("2026-12-08T12:00:00Z"));
    }

    @Test
    void aConfigurationThatCannotBeReadHoldsTheMemberAndSaysWhy() throws Exception {
        MaintenanceWindows.Verdict v = MaintenanceWindows.evaluate(list(
                "{\"maintenanceWindow\":{\"schedule\":{\"hourly\":{}},\"durationHours\":4}}"),
                Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(v.open()).isFalse();
        assertThat(v.reason()).contains("could not be read").contains("approve the member");
    }
}
