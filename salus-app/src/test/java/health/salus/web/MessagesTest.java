package health.salus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every English text of the web application has its Spanish one, and no Spanish key is left over. */
class MessagesTest {

    @Test
    void englishAndSpanishHaveTheSameKeys() throws IOException {
        Properties english = load("/messages.properties");
        Properties spanish = load("/messages_es.properties");
        assertThat(spanish.stringPropertyNames()).as("keys in messages_es.properties")
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english).isNotEmpty();
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            properties.load(in);
        }
        return properties;
    }
}
