package ai.honeyhive.it.quarkus.openai;

import ai.honeyhive.genai.HoneyHiveOpenAi;
import ai.honeyhive.tracer.HoneyHiveTracer;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The application's producer of its OpenAI client: the client it would build anyway, handed to the tracer. */
@ApplicationScoped
public class OpenAiClients {

    @ConfigProperty(name = "advisor.openai.base-url")
    String baseUrl;

    @Produces
    @ApplicationScoped
    OpenAIClient openAi(HoneyHiveTracer tracer) {
        return HoneyHiveOpenAi.instrument(
                tracer,
                OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("sk-test").build());
    }

    void close(@Disposes OpenAIClient client) {
        client.close();
    }
}
