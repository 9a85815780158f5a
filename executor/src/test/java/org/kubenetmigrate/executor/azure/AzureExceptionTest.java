package org.kubenetmigrate.executor.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AzureExceptionTest {
    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({"0,TRANSPORT", "400,CLIENT_ERROR", "403,CLIENT_ERROR", "404,NOT_FOUND", "409,CONFLICT",
        "412,PRECONDITION_FAILED", "429,THROTTLED", "500,SERVER_ERROR", "503,SERVER_ERROR"})
    void classifiesByStatus(int status, AzureException.Kind kind) {
        AzureException e = new AzureException(status, "Code", "message\nsecond line", Duration.ofSeconds(3), "r", "c");
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).doesNotContain("\n").contains("Code");
    }
}
