package ai.honeyhive.experiments.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON exactly as Python's {@code json.dumps(value, sort_keys=True)} writes it: {@code ", "} and {@code ": "} as
 * separators, keys sorted, non-ASCII as {@code \\uXXXX}, floats as Python's {@code repr}. HoneyHive's SDKs hash this
 * text to name inline datasets and datapoints, so the same data gets the same ids from every SDK.
 */
public final class PythonJson {

    private PythonJson() {}

    public static String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean bool) {
            out.append(bool ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(repr(((Number) value).doubleValue()));
        } else if (value instanceof BigDecimal decimal) {
            out.append(repr(decimal.doubleValue()));
        } else if (value instanceof Number number) {
            out.append(number);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>(PythonJson::compare);
            map.forEach((key, entry) -> sorted.put(String.valueOf(key), entry));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                string(out, entry.getKey());
                out.append(": ");
                write(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                out.append(first ? "" : ", ");
                first = false;
                write(out, element);
            }
            out.append(']');
        } else {
            string(out, value.toString());
        }
    }

    /** Python sorts strings by code point; Java's {@code compareTo} by UTF-16 unit, which differs past U+FFFF. */
    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c >= 0x80) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Python's {@code repr} of a float: the shortest digits, fixed between 1e-4 and 1e16, else {@code 1e+20}. */
    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String fixed = shortest.toPlainString();
            return fixed.contains(".") ? fixed : fixed + ".0";
        }
        String digits = shortest.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = shortest.signum() < 0 ? "-" : "";
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
