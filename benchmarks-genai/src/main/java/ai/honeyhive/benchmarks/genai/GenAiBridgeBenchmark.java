package ai.honeyhive.benchmarks.genai;

import ai.honeyhive.genai.HoneyHiveOpenAi;
import ai.honeyhive.testing.OpenAiStandIn;
import ai.honeyhive.tracer.HoneyHiveTracer;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.openai.v1_1.OpenAITelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One {@code openai-java} chat call with a 20-message history against an OpenAI-compatible stand-in in this JVM,
 * instrumented by OpenTelemetry's wrapper with message content captured, in two set-ups:
 *
 * <ul>
 *   <li>{@code PLAIN_SDK}: what a user has without HoneyHive: the wrapper on a plain OpenTelemetry SDK, its spans and
 *       log records each through the SDK's batch processor to a no-op exporter;
 *   <li>{@code HONEYHIVE}: {@code HoneyHiveOpenAi.instrument} on a tracer in test mode: the same wrapper, its log
 *       records folded into their span, the span completed with HoneyHive's keys and then discarded (test mode is the
 *       production pipeline minus the network).
 * </ul>
 *
 * The difference of the two is what the bridge costs per call. Each call's time is sampled: a loopback HTTP call on
 * two cores has a long tail (garbage collection, the scheduler) that moves the mean by more than the bridge costs,
 * so the median is the figure the bound is judged on, and the mean is shown beside it.
 */
@State(Scope.Benchmark)
// Without it the JDK's HTTP server (the stand-in's) holds each answer back some 40 ms (Nagle and delayed ACK).
@Fork(jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GenAiBridgeBenchmark {

    /** The messages of the chat history the call sends. */
    static final int HISTORY = 20;

    @Param({"PLAIN_SDK", "HONEYHIVE"})
    public String setUp;

    private OpenAiStandIn standIn;
    private OpenTelemetrySdk plainSdk;
    private HoneyHiveTracer tracer;
    private OpenAIClient client;
    private ChatCompletionCreateParams question;

    @Setup(Level.Trial)
    public void start() {
        standIn = OpenAiStandIn.start();
        OpenAIClient openAi = OpenAIOkHttpClient.builder()
                .baseUrl(standIn.baseUrl())
                .apiKey("sk-benchmark")
                .maxRetries(0)
                .build();
        if (setUp.equals("HONEYHIVE")) {
            tracer = HoneyHiveTracer.builder()
                    .environment(Map.of())
                    .project("benchmarks")
                    .testMode(true)
                    .startSession(false)
                    .shutdownHook(false)
                    .build();
            client = HoneyHiveOpenAi.instrument(tracer, openAi);
        } else {
            plainSdk = OpenTelemetrySdk.builder()
                    .setTracerProvider(SdkTracerProvider.builder()
                            .addSpanProcessor(BatchSpanProcessor.builder(SpanExporter.composite(List.of()))
                                    .build())
                            .build())
                    .setLoggerProvider(SdkLoggerProvider.builder()
                            .addLogRecordProcessor(
                                    BatchLogRecordProcessor.builder(LogRecordExporter.composite(List.of()))
                                            .build())
                            .build())
                    .build();
            client = instrumented(plainSdk, openAi);
        }
        question = chatHistory();
    }

    private static OpenAIClient instrumented(OpenTelemetry openTelemetry, OpenAIClient openAi) {
        return OpenAITelemetry.builder(openTelemetry)
                .setCaptureMessageContent(true)
                .build()
                .wrap(openAi);
    }

    /** A system prompt, then questions and answers in turn, then the question: 20 messages. */
    private static ChatCompletionCreateParams chatHistory() {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .temperature(0.2)
                .maxCompletionTokens(256)
                .addSystemMessage("You are the support assistant of a shop; answer from the help centre only.");
        for (int turn = 1; turn < HISTORY - 1; turn += 2) {
            params.addUserMessage("Question " + turn + ": how long do refunds take to reach my card, and why?");
            params.addAssistantMessage(
                    "Answer " + turn + ": refunds reach the original payment method within 30 days.");
        }
        params.addUserMessage("And can I get my money back as a gift card instead?");
        return params.build();
    }

    @Benchmark
    public ChatCompletion chatCall() {
        return client.chat().completions().create(question);
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (tracer != null) {
            tracer.close(Duration.ofSeconds(5));
        }
        if (plainSdk != null) {
            plainSdk.close();
        }
        standIn.close();
    }
}
