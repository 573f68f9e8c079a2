package ai.honeyhive.tracer.internal.genai;

import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/** The keys LLM clients' instrumentations write, in every vintage the wire contract names. */
final class GenAiKeys {

    static final AttributeKey<String> INPUT_MESSAGES = stringKey("gen_ai.input.messages");
    static final AttributeKey<String> OUTPUT_MESSAGES = stringKey("gen_ai.output.messages");
    static final AttributeKey<String> SYSTEM_INSTRUCTIONS = stringKey("gen_ai.system_instructions");
    static final AttributeKey<String> PROMPT = stringKey("gen_ai.prompt");
    static final AttributeKey<String> COMPLETION = stringKey("gen_ai.completion");
    static final AttributeKey<String> CONTENT_PROMPT = stringKey("gen_ai.content.prompt");
    static final AttributeKey<String> CONTENT_COMPLETION = stringKey("gen_ai.content.completion");
    /** The older vintage's span events that carry {@link #PROMPT} and {@link #COMPLETION} as attributes. */
    static final String CONTENT_PROMPT_EVENT = "gen_ai.content.prompt";

    static final String CONTENT_COMPLETION_EVENT = "gen_ai.content.completion";

    static final List<String> PROVIDER = List.of("gen_ai.provider.name", "gen_ai.system", "llm.provider", "llm.system");
    static final List<String> MODEL = List.of(
            "gen_ai.response.model",
            "gen_ai.request.model",
            "llm.response.model",
            "llm.request.model",
            "llm.model_name");
    static final List<String> INPUT_TOKENS = List.of(
            "gen_ai.usage.input_tokens",
            "gen_ai.usage.prompt_tokens",
            "llm.usage.prompt_tokens",
            "llm.token_count.prompt");
    static final List<String> OUTPUT_TOKENS = List.of(
            "gen_ai.usage.output_tokens",
            "gen_ai.usage.completion_tokens",
            "llm.usage.completion_tokens",
            "llm.token_count.completion");
    static final List<String> TOTAL_TOKENS =
            List.of("gen_ai.usage.total_tokens", "llm.usage.total_tokens", "llm.token_count.total");
    /** The request settings, by the short name HoneyHive's config bucket gives them. */
    static final List<String> SETTINGS = List.of(
            "temperature",
            "max_tokens",
            "top_p",
            "top_k",
            "frequency_penalty",
            "presence_penalty",
            "stop_sequences",
            "seed");

    static final String REQUEST_PREFIX = "gen_ai.request.";
    static final AttributeKey<String> INVOCATION_PARAMETERS = stringKey("llm.invocation_parameters");
    static final String RESPONSE_ID = "gen_ai.response.id";
    static final String FINISH_REASONS = "gen_ai.response.finish_reasons";

    static final AttributeKey<String> TOOL_NAME = stringKey("gen_ai.tool.name");
    static final AttributeKey<String> TOOL_ARGUMENTS = stringKey("gen_ai.tool.call.arguments");
    static final AttributeKey<String> TOOL_RESULT = stringKey("gen_ai.tool.call.result");

    /** Keys whose values are message text: not exported when content capture is off. */
    static boolean carriesContent(String key) {
        return key.equals(INPUT_MESSAGES.getKey())
                || key.equals(OUTPUT_MESSAGES.getKey())
                || key.equals(SYSTEM_INSTRUCTIONS.getKey())
                || key.equals(PROMPT.getKey())
                || key.equals(COMPLETION.getKey())
                || key.equals(CONTENT_PROMPT.getKey())
                || key.equals(CONTENT_COMPLETION.getKey())
                || key.equals(TOOL_ARGUMENTS.getKey())
                || key.equals(TOOL_RESULT.getKey())
                || (key.startsWith("gen_ai.prompt.") && !key.endsWith(".role"))
                || (key.startsWith("gen_ai.completion.") && !key.endsWith(".role") && !key.endsWith(".finish_reason"))
                || ((key.startsWith("llm.input_messages.") || key.startsWith("llm.output_messages."))
                        && !key.endsWith(".role"))
                || key.startsWith("input.value")
                || key.startsWith("output.value");
    }

    private GenAiKeys() {}
}
