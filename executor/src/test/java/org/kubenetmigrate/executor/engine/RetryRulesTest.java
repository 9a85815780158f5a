package org.kubenetmigrate.executor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kubenetmigrate.executor.azure.AzureException;

class RetryRulesTest {
    @ParameterizedTest(name = "a PUT answered {0} leads to {1}; a read answered so is retried: {2}")
    @CsvSource({
        "429, RETRY_AFTER_DELAY,   true",
        "412, STALE,               false",
        "409, WAIT_THEN_DECIDE,    false",
        "500, OBSERVE_THEN_DECIDE, true",
        "503, OBSERVE_THEN_DECIDE, true",
        "0,   OBSERVE_THEN_DECIDE, true",
        "400, GIVE_UP,             false",
        "403, GIVE_UP,             false",
        "404, GIVE_UP,             false"})
    void neverResendsAChangeThatMayHaveBeenAppliedWithoutLookingFirst(int status, RetryRules.AfterFailedSend put,
                                                                      boolean readRetried) {
        AzureException e = new AzureException(status, "Code", "message", null, null, null);
        assertThat(RetryRules.afterFailedSend(e)).isEqualTo(put);
        assertThat(RetryRules.retryRead(e)).isEqualTo(readRetried);
    }
}
