package dev.tapedeck.architecture;

import static dev.tapedeck.architecture.Reactor.ROOT;
import static dev.tapedeck.architecture.Reactor.read;
import static dev.tapedeck.architecture.Reactor.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The BOM manages Tapedeck's own artifacts and nothing else, so importing it never moves a consumer's versions. */
class BomTest {

    @Test
    void theBomHasNoParentAndManagesOnlyTapedeckArtifacts() throws Exception {
        Element bom = read(ROOT.resolve("bom/pom.xml")).getDocumentElement();
        assertThat(bom.getElementsByTagName("parent").getLength()).as("a parent would leak its dependencyManagement")
                .isZero();
        Element management = (Element) bom.getElementsByTagName("dependencyManagement").item(0);
        assertThat(texts(management, "groupId")).isNotEmpty().allMatch("dev.tapedeck"::equals);
        assertThat(texts(management, "scope")).doesNotContain("import");
    }

    @Test
    void theBomListsEveryPublishedModule() throws Exception {
        Element management = (Element) read(ROOT.resolve("bom/pom.xml")).getDocumentElement()
                .getElementsByTagName("dependencyManagement").item(0);
        assertThat(texts(management, "artifactId")).containsExactlyInAnyOrderElementsOf(
                Reactor.published().stream().map(Reactor.Module::artifactId).toList());
        assertThat(Files.exists(ROOT.resolve("examples/consumer/pom.xml"))).isTrue();
    }
}
