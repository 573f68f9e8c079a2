package ai.honeyhive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** {@link RecordingHoneyHive} run by the real JUnit engine, on test classes written as a user writes them. */
class RecordingHoneyHiveExtensionTest {

    // What the annotated classes saw, for the assertions after their run.
    static final List<String> SEEN = new ArrayList<>();

    @Test
    void aServerPerClassTheConfigurationPointedAtItAndRestoredAfterwards() {
        System.clearProperty(RecordingHoneyHiveExtension.SERVER_URL);
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(UserTests.class))
                .execute()
                .testEvents();

        tests.assertStatistics(stats -> stats.started(4).succeeded(4));
        assertThat(SEEN)
                .containsExactly(
                        "beforeAll", "first: no request before", "second: reset between tests", "nested: same server");
        assertThat(System.getProperty(RecordingHoneyHiveExtension.SERVER_URL)).isNull();
        assertThat(System.getProperty(RecordingHoneyHiveExtension.API_KEY)).isNull();
    }

    @Test
    void aCollectorEndpointSetForTheJvmIsPointedAtTheServerAndRestored() {
        String collector = "http://collector.internal:4318/v1/traces";
        System.setProperty(RecordingHoneyHiveExtension.OTLP_ENDPOINT, collector);
        try {
            Events tests = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(CollectorUserTests.class))
                    .execute()
                    .testEvents();

            tests.assertStatistics(stats -> stats.started(1).succeeded(1));
            assertThat(System.getProperty(RecordingHoneyHiveExtension.OTLP_ENDPOINT))
                    .isEqualTo(collector);
        } finally {
            System.clearProperty(RecordingHoneyHiveExtension.OTLP_ENDPOINT);
        }
    }

    @Test
    void aServerParameterWithoutTheAnnotationFailsTheTestSayingWhatIsMissing() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(WithoutTheAnnotation.class))
                .execute()
                .testEvents();

        tests.assertStatistics(stats -> stats.failed(1));
        assertThat(tests.failed().stream()
                        .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                                .map(Throwable::getMessage)
                                .orElse("")))
                .singleElement()
                .asString()
                .contains("RecordingHoneyHiveServer");
    }

    private static void send(RecordingHoneyHiveServer server) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        System.getProperty(RecordingHoneyHiveExtension.SERVER_URL) + "/session/start"))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"session\":{}}"))
                                .header("Content-Type", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(server.requests(Route.SESSION_START)).hasSize(1);
    }

    @RecordingHoneyHive
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class UserTests {

        @BeforeAll
        static void beforeAll(RecordingHoneyHiveServer server) {
            assertThat(System.getProperty(RecordingHoneyHiveExtension.SERVER_URL))
                    .isEqualTo(server.baseUrl());
            assertThat(System.getProperty(RecordingHoneyHiveExtension.API_KEY))
                    .isEqualTo(RecordingHoneyHiveExtension.TEST_API_KEY);
            SEEN.add("beforeAll");
        }

        @Test
        @Order(1)
        void first(RecordingHoneyHiveServer server) throws Exception {
            assertThat(server.requests()).isEmpty();
            SEEN.add("first: no request before");
            send(server);
        }

        @Test
        @Order(2)
        void second(RecordingHoneyHiveServer server) throws Exception {
            assertThat(server.requests())
                    .as("what the first test sent is forgotten")
                    .isEmpty();
            SEEN.add("second: reset between tests");
            send(server);
        }

        @Nested
        class Inner {
            @Test
            void nested(RecordingHoneyHiveServer server) {
                assertThat(System.getProperty(RecordingHoneyHiveExtension.SERVER_URL))
                        .isEqualTo(server.baseUrl());
                SEEN.add("nested: same server");
            }
        }

        @Test
        @Order(3)
        void third(RecordingHoneyHiveServer server) {
            assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
        }
    }

    @RecordingHoneyHive
    static class CollectorUserTests {
        @Test
        void spansForTheCollectorAreRecorded(RecordingHoneyHiveServer server) throws Exception {
            String traces = System.getProperty(RecordingHoneyHiveExtension.OTLP_ENDPOINT);
            assertThat(traces).isEqualTo(server.baseUrl() + "/opentelemetry/v1/traces");
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(traces))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0]))
                                    .header("Content-Type", "application/x-protobuf")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(server.requests(Route.TRACES)).hasSize(1);
        }
    }

    @org.junit.jupiter.api.extension.ExtendWith(ParameterOnly.class)
    static class WithoutTheAnnotation {
        @Test
        void wantsAServer(RecordingHoneyHiveServer server) {}
    }

    /** The extension's parameter resolution alone, as if registered on a method without the class annotation. */
    static class ParameterOnly implements org.junit.jupiter.api.extension.ParameterResolver {
        private final RecordingHoneyHiveExtension extension = new RecordingHoneyHiveExtension();

        @Override
        public boolean supportsParameter(
                org.junit.jupiter.api.extension.ParameterContext parameter,
                org.junit.jupiter.api.extension.ExtensionContext context) {
            return extension.supportsParameter(parameter, context);
        }

        @Override
        public Object resolveParameter(
                org.junit.jupiter.api.extension.ParameterContext parameter,
                org.junit.jupiter.api.extension.ExtensionContext context) {
            return extension.resolveParameter(parameter, context);
        }
    }
}
