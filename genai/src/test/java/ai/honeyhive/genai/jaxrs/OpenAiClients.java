package ai.honeyhive.genai.jaxrs;

import ai.honeyhive.genai.HoneyHiveOpenAi;
import ai.honeyhive.tracer.HoneyHiveTracer;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/** The application's producer of its OpenAI client: the client it would build anyway, handed to the tracer. */
@ApplicationScoped
public class OpenAiClients {

    @Produces
    @ApplicationScoped
    OpenAIClient openAi(HoneyHiveTracer tracer) {
        String baseUrl = ConfigProvider.getConfig().getValue("advisor.openai.base-url", String.class);
        return HoneyHiveOpenAi.instrument(
                tracer,
                OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("sk-test").build());
    }

    void close(@Disposes OpenAIClient client) {
        client.close();
    }
}
