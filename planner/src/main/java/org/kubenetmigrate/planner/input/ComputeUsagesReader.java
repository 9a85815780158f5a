package org.kubenetmigrate.planner.input;

import java.util.ArrayList;
import java.util.List;
import org.kubenetmigrate.planner.model.ArmId;
import org.kubenetmigrate.planner.model.ComputeUsages;

/**
 * Maps a usage list of {@code GET /subscriptions/{s}/providers/Microsoft.Compute/locations/{region}/usages}. Azure's
 * answer ({@code {"value":[{"currentValue":…,"limit":…,"name":{"value":…,"localizedValue":…},"unit":"Count"}]}})
 * names neither the subscription nor the region, so it is read only with the request path as its {@code id}, as a
 * snapshot stores it; {@code az vm list-usage} prints the same entries (numbers as strings, {@code localName}).
 */
final class ComputeUsagesReader {
    private ComputeUsagesReader() {
    }

    static ComputeUsages read(JsonFields resource) throws InputException {
        ArmId id = resource.requiredArmId("id");
        String location = id.segment("locations").orElse(null);
        if (location == null || id.subscriptionId().isBlank()) {
            throw resource.error("id", "expected /subscriptions/<id>/providers/Microsoft.Compute/locations/<region>/usages,"
                    + " found " + id);
        }
        List<ComputeUsages.Usage> usages = new ArrayList<>();
        for (JsonFields entry : resource.objects("value")) {
            JsonFields name = entry.object("name");
            String localized = name.string("localizedValue");
            usages.add(new ComputeUsages.Usage(name.requiredString("value"),
                    localized == null ? entry.string("localName") : localized,
                    number(entry, "currentValue"), number(entry, "limit")));
        }
        return new ComputeUsages(id.subscriptionId(), location, usages, resource.source());
    }

    /** ARM sends numbers; az prints them as strings. */
    private static long number(JsonFields entry, String key) throws InputException {
        String text = entry.text(key);
        if (text == null) {
            throw entry.error(key, "missing");
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw entry.error(key, "expected a whole number, found \"" + text + "\"");
        }
    }
}
