package ai.honeyhive.cdi;

import static ai.honeyhive.testing.HoneyHiveAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.honeyhive.testing.RecordingHoneyHiveServer;
import ai.honeyhive.testing.Route;
import ai.honeyhive.tracer.HoneyHiveTracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Named tracers: own keys, projects and endpoints, inherited defaults, and unknown names. */
class NamedTracersIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RecordingHoneyHiveServer support = RecordingHoneyHiveServer.start();
    private final RecordingHoneyHiveServer billing = RecordingHoneyHiveServer.start();

    @AfterEach
    void stop() {
        support.close();
        billing.close();
    }

    @ApplicationScoped
    static class Invoices {
        @Inject
        @HoneyHive("billing")
        HoneyHiveTracer billingTracer;

        @Inject
        HoneyHiveTracer defaultTracer;

        @Traced(tracer = "billing")
        String invoice(String customer) {
            return "invoice for " + customer;
        }

        @Traced
        String support(String question) {
            return "answer";
        }

        HoneyHiveTracer billingTracer() {
            return billingTracer;
        }

        HoneyHiveTracer defaultTracer() {
            return defaultTracer;
        }
    }

    @ApplicationScoped
    static class UsesUnknownTracer {
        @Traced(tracer = "payments")
        void pay() {}
    }

    private Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("honeyhive.api-key", "support-key");
        properties.put("honeyhive.project", "support");
        properties.put("honeyhive.source", "production");
        properties.put("honeyhive.server-url", support.baseUrl());
        properties.put("honeyhive.batch.schedule-delay", "50");
        properties.put("honeyhive.tracers.billing.api-key", "billing-key");
        properties.put("honeyhive.tracers.billing.project", "billing");
        properties.put("honeyhive.tracers.billing.server-url", billing.baseUrl());
        return properties;
    }

    @Test
    void eachNamedTracerExportsWithItsOwnKeyAndProjectAndInheritsTheRest() {
        try (CdiContainer container = CdiContainer.start(properties(), Invoices.class)) {
            Invoices invoices = container.get(Invoices.class);
            invoices.invoice("acme");
            invoices.support("refunds?");
            HoneyHiveTracer billingTracer = invoices.billingTracer();
            assertThat(billingTracer).isSameAs(container.get(HoneyHiveTracer.class, HoneyHive.Literal.of("billing")));
            assertThat(billingTracer).isNotSameAs(invoices.defaultTracer());
            assertThat(billingTracer.flush(WAIT)).isTrue();
            assertThat(invoices.defaultTracer().flush(WAIT)).isTrue();

            assertThat(billing)
                    .hasSpanCount(1)
                    .hasSpanNamed("Invoices.invoice")
                    .hasAttribute("honeyhive.project", "billing")
                    .hasAttribute("honeyhive.source", "production")
                    .hasInput("customer", "acme");
            assertThat(support)
                    .hasSpanCount(1)
                    .hasSpanNamed("Invoices.support")
                    .hasAttribute("honeyhive.project", "support");
            assertThat(billing.requests(Route.TRACES).get(0).header("Authorization"))
                    .contains("Bearer billing-key");
            assertThat(support.requests(Route.TRACES).get(0).header("Authorization"))
                    .contains("Bearer support-key");
        }
    }

    @Test
    void anUnknownTracerNameIsADeploymentProblemNamingWhereItIsUsed() {
        assertThatThrownBy(() -> CdiContainer.start(properties(), UsesUnknownTracer.class)
                        .close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("No HoneyHive tracer named 'payments'")
                .hasMessageContaining(UsesUnknownTracer.class.getName() + ".pay")
                .hasMessageContaining("honeyhive.tracers.payments.");
    }

    @Test
    void anInvalidNamedTracerIsADeploymentProblemNamingItsKeys() {
        Map<String, String> properties = properties();
        properties.put("honeyhive.tracers.billing.server-url", "not a url");

        assertThatThrownBy(() -> CdiContainer.start(properties, Invoices.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("The HoneyHive tracer 'billing'")
                .hasMessageContaining("honeyhive.tracers.billing.")
                .hasMessageContaining("server-url");
    }
}
