package ai.honeyhive.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns an OTLP/HTTP protobuf body into {@link RecordedSpan}s with plain Java attribute values. */
final class OtlpDecoder {

    private static final HexFormat HEX = HexFormat.of();

    private OtlpDecoder() {}

    static List<RecordedSpan> decode(byte[] body, RecordedRequest request) {
        ExportTraceServiceRequest export;
        try {
            export = ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("The OTLP body of " + request + " is not a valid protobuf", e);
        }
        List<RecordedSpan> spans = new ArrayList<>();
        for (ResourceSpans resourceSpans : export.getResourceSpansList()) {
            Map<String, Object> resource =
                    attributes(resourceSpans.getResource().getAttributesList());
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    spans.add(
                            toRecordedSpan(span, resource, scopeSpans.getScope().getName(), request));
                }
            }
        }
        return spans;
    }

    private static RecordedSpan toRecordedSpan(
            Span span, Map<String, Object> resource, String scopeName, RecordedRequest request) {
        List<RecordedSpan.Event> events = new ArrayList<>();
        for (Span.Event event : span.getEventsList()) {
            events.add(new RecordedSpan.Event(event.getName(), attributes(event.getAttributesList())));
        }
        return new RecordedSpan(
                span.getName(),
                hex(span.getTraceId()),
                hex(span.getSpanId()),
                hex(span.getParentSpanId()),
                span.getKind().name(),
                span.getStatus().getCode().name(),
                span.getStatus().getMessage(),
                span.getStartTimeUnixNano(),
                span.getEndTimeUnixNano(),
                attributes(span.getAttributesList()),
                List.copyOf(events),
                resource,
                scopeName,
                request);
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    private static Map<String, Object> attributes(List<KeyValue> keyValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (KeyValue keyValue : keyValues) {
            attributes.put(keyValue.getKey(), value(keyValue.getValue()));
        }
        return attributes;
    }

    private static Object value(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            case BYTES_VALUE -> value.getBytesValue().toByteArray();
            case ARRAY_VALUE ->
                value.getArrayValue().getValuesList().stream()
                        .map(OtlpDecoder::value)
                        .toList();
            case KVLIST_VALUE -> attributes(value.getKvlistValue().getValuesList());
            case VALUE_NOT_SET -> "";
        };
    }
}
