package ai.honeyhive.tracer.internal.span;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttributeNamesTest {

    private final AttributeNames names = new AttributeNames();

    @Test
    void joinsPrefixAndKeyWithADot() {
        assertThat(names.child("honeyhive_metadata", "tenant")).isEqualTo("honeyhive_metadata.tenant");
        assertThat(names.under("honeyhive_inputs").child("0")).isEqualTo("honeyhive_inputs.0");
    }

    @Test
    void anEmptyPrefixLeavesTheKeyAsItIs() {
        assertThat(names.child("", "tenant")).isEqualTo("tenant");
    }

    @Test
    void remembersANameInsteadOfBuildingItAgain() {
        String first = names.child("honeyhive_metadata", "tenant");

        assertThat(names.under("honeyhive_metadata").child("tenant")).isSameAs(first);
    }

    @Test
    void stopsRememberingOnceFullButStillBuildsEveryNameRight() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(names.child("honeyhive_metadata", "user-" + i)).isEqualTo("honeyhive_metadata.user-" + i);
        }

        String late = names.child("honeyhive_metadata", "user-9999");
        assertThat(names.child("honeyhive_metadata", "user-9999"))
                .as("beyond the bound, names are built each time rather than kept")
                .isEqualTo(late)
                .isNotSameAs(late);
        assertThat(names.child("honeyhive_outputs", "answer")).isEqualTo("honeyhive_outputs.answer");
    }
}
