package dev.tapedeck.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the jar tells Spring Boot and IDEs: the auto-configurations to load, and the configuration metadata that
 * completes and documents {@code tapedeck.*}.
 */
class SpringMetadataTest {

    private static final ClassLoader LOADER = SpringMetadataTest.class.getClassLoader();

    @Test
    void theAutoConfigurationsAreListedForSpringBootToFind() throws IOException {
        String imports;
        try (InputStream in = LOADER.getResourceAsStream(
                "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(in).as("the imports file").isNotNull();
            imports = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        List<String> names = imports.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        assertThat(names).containsExactly("dev.tapedeck.spring.boot.TapedeckAutoConfiguration",
                "dev.tapedeck.spring.boot.health.TapedeckHealthBoot3AutoConfiguration",
                "dev.tapedeck.spring.boot.health.TapedeckHealthBoot4AutoConfiguration",
                "dev.tapedeck.spring.boot.metrics.TapedeckMetricsAutoConfiguration");
        // by resource, not by loading: one of the health classes refers to the other Boot's types
        assertThat(names).allSatisfy(name -> assertThat(LOADER.getResource(name.replace('.', '/') + ".class"))
                .as(name).isNotNull());
    }

    @Test
    void theConfigurationMetadataDocumentsEveryProperty() throws IOException {
        JsonNode metadata;
        try (InputStream in = LOADER.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the generated metadata").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        metadata.get("properties").forEach(property -> {
            names.add(property.get("name").asText());
            assertThat(property.path("description").asText()).as(property.get("name").asText()).isNotBlank();
        });

        assertThat(names).contains("tapedeck.providers", "tapedeck.health.enabled", "tapedeck.health.cache-for",
                "tapedeck.health.timeout", "tapedeck.metrics.enabled");
        assertThat(metadata.get("properties").toString()).contains("api-key", "base-url", "max-retries",
                "settings.<key>", "\"defaultValue\":\"1m\"");
    }
}
