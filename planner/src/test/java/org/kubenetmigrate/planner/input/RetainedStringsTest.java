package org.kubenetmigrate.planner.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Short strings come back as one shared copy; long ones as given; a full table starts over without losing values. */
class RetainedStringsTest {

    @Test
    void anEqualShortStringComesBackAsTheFirstCopy() {
        RetainedStrings strings = new RetainedStrings();
        String first = new String("westeurope");

        String kept = strings.of(first);
        String again = strings.of(new String("westeurope"));

        assertThat(kept).isSameAs(first);
        assertThat(again).isSameAs(first);
    }

    @Test
    void aLongStringIsKeptAsGiven() {
        RetainedStrings strings = new RetainedStrings();
        String id = "x".repeat(RetainedStrings.MAX_LENGTH + 1);
        strings.of(id);

        String again = new String(id);

        assertThat(strings.of(again)).isSameAs(again);
    }

    @Test
    void aFullTableStartsOverAndStillReturnsEqualValues() {
        RetainedStrings strings = new RetainedStrings();
        String region = strings.of(new String("westeurope"));
        for (int i = 0; i < 10_000; i++) {
            assertThat(strings.of("node-" + i)).isEqualTo("node-" + i);
        }

        String afterwards = strings.of(new String("westeurope"));

        assertThat(afterwards).isEqualTo(region);
        assertThat(strings.of(new String("westeurope"))).isSameAs(afterwards);
    }
}
