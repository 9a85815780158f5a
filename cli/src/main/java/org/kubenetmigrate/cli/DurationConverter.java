package org.kubenetmigrate.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as people write them: {@code 90s}, {@code 20m}, {@code 4h}, or ISO-8601 ({@code PT4H}). */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String v = value.trim();
        try {
            if (v.matches("\\d+[smh]")) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                Duration d = switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
                if (d.isZero()) {
                    throw new TypeConversionException("'" + value + "' must be more than zero");
                }
                return d;
            }
            Duration d = Duration.parse(v);
            if (d.isNegative() || d.isZero()) {
                throw new TypeConversionException("'" + value + "' must be more than zero");
            }
            return d;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a duration like 90s, 20m, 4h or PT4H");
        }
    }
}
