package org.kubenetmigrate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kubenetmigrate.testsupport.ManagedClusterWrites.BodyForm;
import org.kubenetmigrate.testsupport.ManagedClusterWrites.HeaderForm;

/**
 * The fake ARM itself, over plain HTTPS (no Azure SDK): its routing, its authorization check, the forms in which it
 * writes ETags, what it records of each request, and its faults. A test double that is wrong makes every test that
 * uses it wrong, so it is tested like product code.
 */
class FakeArmTest {
    static final String SUB = "00000000-0000-0000-0000-0000000000d1";
    static final String CLUSTER = "/subscriptions/" + SUB + "/resourceGroups/rg-a/providers/"
            + "Microsoft.ContainerService/managedClusters/aks-a";
    static final String API = "?api-version=2025-09-01";

    FakeArm fake;
    ManagedClusterWrites writes;
    HttpClient http;

    @BeforeEach
    void start() {
        fake = FakeArm.start();
        fake.requireAuthorization(false);
        writes = ManagedClusterWrites.install(fake).retryAfterSeconds("3");
        ObjectNode cluster = Json.object().put("id", CLUSTER).put("name", "aks-a").put("location", "northeurope")
                .put("type", "Microsoft.ContainerService/ManagedClusters").put("eTag", "tag-0");
        ObjectNode props = cluster.putObject("properties").put("provisioningState", "Succeeded");
        props.putObject("networkProfile").put("networkPlugin", "kubenet").put("podCidr", "10.244.0.0/16");
        props.putArray("agentPoolProfiles").addObject().put("name", "system").put("count", 2)
                .put("provisioningState", "Succeeded");
        fake.resources().put(cluster);
        http = HttpClient.newBuilder().sslContext(FakeArm.clientSslContext()).build();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + pathAndQuery.substring(1)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.parse(response.body());
    }

    String clusterBody(String tag) throws Exception {
        ObjectNode body = (ObjectNode) json(send("GET", CLUSTER + API, null));
        body.with("tags").put("step", tag);
        return Json.write(body);
    }

    @Nested
    class Routing {
        @Test
        void aManagedClusterIsServedByTheWriteRoutesWhichWinOverTheReadRoutes() throws Exception {
            HttpResponse<String> response = send("GET", CLUSTER + API, null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("name").asText()).isEqualTo("aks-a");
            assertThat(response.headers().firstValue("ETag")).as("only the write routes send the header")
                    .contains("\"tag-0\"");
        }

        @Test
        void pathsMatchWhateverTheirCaseAsArmPathsDo() throws Exception {
            HttpResponse<String> response = send("GET", CLUSTER.toUpperCase().replace("MANAGEDCLUSTERS",
                    "managedclusters").replace("/SUBSCRIPTIONS/", "/subscriptions/") + API, null);

            assertThat(response.statusCode()).isEqualTo(200);
        }

        @Test
        void anUnknownPathOrMethodIsA404WithAnArmErrorBody() throws Exception {
            HttpResponse<String> unknown = send("GET", "/subscriptions/" + SUB + "/nothing/here" + API, null);
            HttpResponse<String> wrongMethod = send("PATCH", CLUSTER + API, "{}");

            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(json(unknown).at("/error/code").asText()).isEqualTo("ResourceNotFound");
            assertThat(wrongMethod.statusCode()).isEqualTo(404);
        }

        @Test
        void aRouteAddedLaterIsTriedFirst() throws Exception {
            fake.route("GET", "/subscriptions/[^/]+/resourceGroups/rg-a/.*",
                    (req, m) -> FakeResponse.error(418, "Overridden", "a later route"));

            assertThat(send("GET", CLUSTER + API, null).statusCode()).isEqualTo(418);
        }

        @Test
        void withAuthorizationRequiredARequestWithoutATokenIsA401() throws Exception {
            fake.requireAuthorization(true);

            HttpResponse<String> response = send("GET", CLUSTER + API, null);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).at("/error/code").asText()).isEqualTo("InvalidAuthenticationToken");
        }

        @Test
        void aPutAnswersWithTheOperationUrlOnTheFakeItselfAndItsPollsEnd() throws Exception {
            HttpResponse<String> put = send("PUT", CLUSTER + API, clusterBody("x"), "If-Match", "\"tag-0\"");
            String operation = put.headers().firstValue("Azure-AsyncOperation").orElseThrow();

            assertThat(put.statusCode()).isEqualTo(200);
            assertThat(put.headers().firstValue("Retry-After")).contains("3");
            assertThat(operation).startsWith(fake.baseUrl() + "subscriptions/" + SUB
                    + "/providers/Microsoft.ContainerService/locations/northeurope/operations/");
            String path = URI.create(operation).getRawPath() + "?" + URI.create(operation).getRawQuery();
            HttpResponse<String> first = send("GET", path, null);
            HttpResponse<String> second = send("GET", path, null);
            assertThat(json(first).path("status").asText()).isEqualTo("InProgress");
            assertThat(first.headers().firstValue("Retry-After")).contains("3");
            assertThat(json(second).path("status").asText()).isEqualTo("Succeeded");
            assertThat(second.headers().firstValue("Retry-After")).as("none once it ended").isEmpty();
        }
    }

    @Nested
    class EtagForms {
        @ParameterizedTest
        @EnumSource(HeaderForm.class)
        void theHeaderCarriesTheTagInTheFormChosenAndTheBodyStaysBare(HeaderForm form) throws Exception {
            writes.etagForms(form, BodyForm.BARE);

            HttpResponse<String> response = send("GET", CLUSTER + API, null);

            String expected = switch (form) {
                case QUOTED -> "\"tag-0\"";
                case WEAK -> "W/\"tag-0\"";
                case BARE -> "tag-0";
                case NONE -> null;
            };
            assertThat(response.headers().firstValue("ETag").orElse(null)).isEqualTo(expected);
            assertThat(json(response).path("eTag").asText()).isEqualTo("tag-0");
        }

        @Test
        void aQuotedBodyFormQuotesTheBodysTag() throws Exception {
            writes.etagForms(HeaderForm.QUOTED, BodyForm.QUOTED);

            assertThat(json(send("GET", CLUSTER + API, null)).path("eTag").asText()).isEqualTo("\"tag-0\"");
        }

        @ParameterizedTest
        @EnumSource(HeaderForm.class)
        void anIfMatchInTheFormTheHeaderShowedMatchesTheStoredTag(HeaderForm form) throws Exception {
            writes.etagForms(form, BodyForm.BARE);
            HttpResponse<String> read = send("GET", CLUSTER + API, null);
            String ifMatch = read.headers().firstValue("ETag").orElse(json(read).path("eTag").asText());

            HttpResponse<String> put = send("PUT", CLUSTER + API, clusterBody("x"), "If-Match", ifMatch);

            assertThat(put.statusCode()).as(ifMatch).isEqualTo(200);
        }

        @Test
        void anAcceptedPutAnswersWithTheNewTagAndAStaleOneIsA412() throws Exception {
            HttpResponse<String> put = send("PUT", CLUSTER + API, clusterBody("x"), "If-Match", "\"tag-0\"");
            String newTag = put.headers().firstValue("ETag").orElseThrow();

            assertThat(newTag).isNotEqualTo("\"tag-0\"").startsWith("\"fake-etag-");
            assertThat(json(put).path("eTag").asText()).isEqualTo(newTag.replace("\"", ""));
            HttpResponse<String> stale = send("PUT", CLUSTER + API, clusterBody("y"), "If-Match", "\"tag-0\"");
            assertThat(stale.statusCode()).isEqualTo(412);
            assertThat(json(stale).at("/error/code").asText()).isEqualTo("PreconditionFailed");
        }
    }

    @Nested
    class RequestLog {
        @Test
        void everyRequestIsRecordedInArrivalOrderWithItsQueryHeadersAndBody() throws Exception {
            send("GET", CLUSTER + API, null);
            String body = clusterBody("logged");
            send("PUT", CLUSTER + API, body, "If-Match", "\"tag-0\"", "X-Custom", "yes");

            List<RecordedRequest> requests = fake.requests();

            assertThat(requests).extracting(RecordedRequest::method).containsExactly("GET", "GET", "PUT");
            assertThat(requests).extracting(RecordedRequest::sequence).isSorted().doesNotHaveDuplicates();
            RecordedRequest put = requests.get(2);
            assertThat(put.path()).isEqualTo(CLUSTER);
            assertThat(put.apiVersion()).isEqualTo("2025-09-01");
            assertThat(put.header("IF-MATCH")).as("header names are case-insensitive").contains("\"tag-0\"");
            assertThat(put.header("x-custom")).contains("yes");
            assertThat(Json.parse(put.body()).at("/tags/step").asText()).isEqualTo("logged");
        }

        @Test
        void aRefusedRequestIsRecordedToo() throws Exception {
            send("PUT", CLUSTER + API, clusterBody("x"), "If-Match", "\"stale\"");

            assertThat(fake.requests()).extracting(RecordedRequest::method).containsExactly("GET", "PUT");
            assertThat(writes.simulator().etag(CLUSTER)).isEqualTo("tag-0");
        }

        @Test
        void clearingTheLogForgetsWhatCameBefore() throws Exception {
            send("GET", CLUSTER + API, null);
            fake.clearRequests();
            send("GET", CLUSTER + API, null);

            assertThat(fake.requests()).hasSize(1);
        }
    }

    @Nested
    class Faults {
        @Test
        void aFaultAnswersTheSelectedRequestsTheGivenNumberOfTimesThenTheRoutesAnswerAgain() throws Exception {
            fake.fault(r -> r.method().equals("GET"), Fault.throttle(7), 2);

            HttpResponse<String> first = send("GET", CLUSTER + API, null);
            HttpResponse<String> second = send("GET", CLUSTER + API, null);
            HttpResponse<String> third = send("GET", CLUSTER + API, null);

            assertThat(first.statusCode()).isEqualTo(429);
            assertThat(first.headers().firstValue("Retry-After")).contains("7");
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(third.statusCode()).isEqualTo(200);
        }

        @ParameterizedTest
        @ValueSource(booleans = {false, true})
        void aDroppedConnectionIsAnIoErrorAndTheChangeIsMadeOnlyWhenItDropsAfterHandling(boolean afterHandling)
                throws Exception {
            fake.fault(r -> r.method().equals("PUT"), afterHandling ? Fault.dropAfterHandling() : Fault.drop(), 1);
            String body = clusterBody("x");

            assertThatThrownBy(() -> send("PUT", CLUSTER + API, body, "If-Match", "\"tag-0\""))
                    .isInstanceOf(IOException.class);
            assertThat(writes.simulator().etag(CLUSTER).equals("tag-0")).isEqualTo(!afterHandling);
        }
    }
}
