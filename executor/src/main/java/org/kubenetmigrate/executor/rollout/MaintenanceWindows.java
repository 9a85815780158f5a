package org.kubenetmigrate.executor.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AKS planned-maintenance windows of a cluster ({@code Microsoft.ContainerService/managedClusters/
 * maintenanceConfigurations}, as ARM returns them) and whether one is open now. A member whose cluster has windows
 * starts only inside one of them; otherwise it is held {@code Pending} until the next opening.
 *
 * <p>Read: {@code maintenanceWindow} (schedule {@code daily}, {@code weekly}, {@code absoluteMonthly},
 * {@code relativeMonthly} with their intervals counted from {@code startDate}, {@code durationHours},
 * {@code utcOffset}, {@code startTime}, {@code notAllowedDates}) and the older {@code timeInWeek} hour slots (UTC).
 * A configuration this reader cannot interpret holds the member (conservative), saying so.
 */
public final class MaintenanceWindows {
    private static final int HORIZON_DAYS = 400;

    private MaintenanceWindows() {
    }

    /** Open now, the next opening, or why it cannot be told. */
    public record Verdict(boolean open, Instant nextOpening, String reason) {
    }

    private static final Verdict NO_WINDOWS = new Verdict(true, null, null);

    private record Window(Instant start, Instant end) {
    }

    /** @param list the maintenanceConfigurations collection ({@code {"value": [...]}}) */
    public static Verdict evaluate(JsonNode list, Instant now) {
        JsonNode configs = list == null ? null : list.get("value");
        if (configs == null || !configs.isArray() || configs.isEmpty()) {
            return NO_WINDOWS;
        }
        Instant next = null;
        List<String> names = new ArrayList<>();
        for (JsonNode config : configs) {
            names.add(config.path("name").asText("?"));
            List<Window> windows;
            try {
                windows = windows(config.path("properties"), now);
            } catch (RuntimeException e) {
                return new Verdict(false, null, "maintenance configuration " + config.path("name").asText("?")
                        + " could not be read (" + e.getMessage() + "); approve the member to start it anyway");
            }
            for (Window w : windows) {
                if (!now.isBefore(w.start()) && now.isBefore(w.end())) {
                    return new Verdict(true, null, null);
                }
                if (w.start().isAfter(now) && (next == null || w.start().isBefore(next))) {
                    next = w.start();
                }
            }
        }
        return new Verdict(false, next, "maintenance window closed (" + String.join(", ", names) + ")"
                + (next == null ? "; no opening within " + HORIZON_DAYS + " days" : "; next opening " + next));
    }

    private static List<Window> windows(JsonNode props, Instant now) {
        List<Window> out = new ArrayList<>();
        JsonNode mw = props.get("maintenanceWindow");
        if (mw != null && !mw.isNull()) {
            ZoneOffset offset = ZoneOffset.of(mw.path("utcOffset").asText("+00:00"));
            LocalTime startTime = LocalTime.parse(mw.path("startTime").asText("00:00"));
            Duration length = Duration.ofHours(mw.path("durationHours").asLong(4));
            LocalDate today = now.atOffset(offset).toLocalDate();
            LocalDate anchor = mw.hasNonNull("startDate") ? LocalDate.parse(mw.get("startDate").asText()) : null;
            JsonNode schedule = mw.path("schedule");
            for (LocalDate day = today.minusDays(1); day.isBefore(today.plusDays(HORIZON_DAYS)); day = day.plusDays(1)) {
                if (anchor != null && day.isBefore(anchor) || !scheduled(schedule, day, anchor == null ? day : anchor)
                        || notAllowed(mw.path("notAllowedDates"), day)) {
                    continue;
                }
                Instant start = ZonedDateTime.of(day, startTime, offset).toInstant();
                out.add(new Window(start, start.plus(length)));
            }
        }
        JsonNode slots = props.get("timeInWeek");
        if (slots != null && slots.isArray()) {
            LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
            for (LocalDate day = today.minusDays(1); day.isBefore(today.plusDays(8)); day = day.plusDays(1)) {
                for (JsonNode slot : slots) {
                    if (DayOfWeek.valueOf(slot.path("day").asText().toUpperCase(Locale.ROOT)) != day.getDayOfWeek()) {
                        continue;
                    }
                    for (JsonNode hour : slot.path("hourSlots")) {
                        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(hour.asInt(), ChronoUnit.HOURS);
                        out.add(new Window(start, start.plus(1, ChronoUnit.HOURS)));
                    }
                }
            }
        }
        if ((mw == null || mw.isNull()) && slots == null) {
            throw new IllegalArgumentException("neither maintenanceWindow nor timeInWeek");
        }
        return out;
    }

    private static boolean scheduled(JsonNode schedule, LocalDate day, LocalDate anchor) {
        if (schedule.has("daily")) {
            long every = Math.max(1, schedule.path("daily").path("intervalDays").asLong(1));
            return ChronoUnit.DAYS.between(anchor, day) % every == 0;
        }
        if (schedule.has("weekly")) {
            JsonNode weekly = schedule.get("weekly");
            long every = Math.max(1, weekly.path("intervalWeeks").asLong(1));
            DayOfWeek dow = DayOfWeek.valueOf(weekly.path("dayOfWeek").asText().toUpperCase(Locale.ROOT));
            LocalDate firstWeek = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return day.getDayOfWeek() == dow && ChronoUnit.WEEKS.between(firstWeek,
                    day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))) % every == 0;
        }
        if (schedule.has("absoluteMonthly")) {
            JsonNode monthly = schedule.get("absoluteMonthly");
            return monthsApart(anchor, day, monthly.path("intervalMonths").asLong(1))
                    && day.getDayOfMonth() == monthly.path("dayOfMonth").asInt();
        }
        if (schedule.has("relativeMonthly")) {
            JsonNode monthly = schedule.get("relativeMonthly");
            DayOfWeek dow = DayOfWeek.valueOf(monthly.path("dayOfWeek").asText().toUpperCase(Locale.ROOT));
            String index = monthly.path("weekIndex").asText();
            LocalDate target = switch (index) {
                case "First" -> day.with(TemporalAdjusters.dayOfWeekInMonth(1, dow));
                case "Second" -> day.with(TemporalAdjusters.dayOfWeekInMonth(2, dow));
                case "Third" -> day.with(TemporalAdjusters.dayOfWeekInMonth(3, dow));
                case "Fourth" -> day.with(TemporalAdjusters.dayOfWeekInMonth(4, dow));
                case "Last" -> day.with(TemporalAdjusters.lastInMonth(dow));
                default -> throw new IllegalArgumentException("unknown weekIndex " + index);
            };
            return monthsApart(anchor, day, monthly.path("intervalMonths").asLong(1)) && day.equals(target);
        }
        throw new IllegalArgumentException("unknown schedule " + schedule.fieldNames().next());
    }

    private static boolean monthsApart(LocalDate anchor, LocalDate day, long every) {
        return ChronoUnit.MONTHS.between(anchor.withDayOfMonth(1), day.withDayOfMonth(1)) % Math.max(1, every) == 0;
    }

    private static boolean notAllowed(JsonNode spans, LocalDate day) {
        for (JsonNode span : spans) {
            LocalDate start = LocalDate.parse(span.path("start").asText());
            LocalDate end = LocalDate.parse(span.path("end").asText());
            if (!day.isBefore(start) && !day.isAfter(end)) {
                return true;
            }
        }
        return false;
    }

    /** The API version the configurations are read with (the one the SDK in use speaks for AKS). */
    public static final String API_VERSION = "2025-09-01";
}
