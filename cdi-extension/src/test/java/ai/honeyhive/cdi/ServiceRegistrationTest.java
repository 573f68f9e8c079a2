package ai.honeyhive.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.cdi.internal.HoneyHiveCdiExtension;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceRegistrationTest {

    @Test
    void theJarRegistersItsPortableExtensionSoNoBeansXmlEntryIsNeeded() {
        assertThat(ServiceLoader.load(Extension.class))
                .anySatisfy(extension -> assertThat(extension).isInstanceOf(HoneyHiveCdiExtension.class));
    }
}
