package dev.tapedeck.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BOM manages Tapedeck's own artifacts and nothing else, so importing it never moves a consumer's versions. */
class BomTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static Document read(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    private static List<String> texts(Element parent, String tag) {
        List<String> values = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }

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
        Element root = read(ROOT.resolve("pom.xml")).getDocumentElement();
        List<String> published = new ArrayList<>();
        for (String module : texts((Element) root.getElementsByTagName("modules").item(0), "module")) {
            if (module.equals("bom")) {
                continue;
            }
            Element modulePom = read(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
            // test modules and the distribution archives are never deployed, so no one depends on them
            if (!texts(modulePom, "maven.deploy.skip").contains("true")) {
                published.add(directChild(modulePom, "artifactId"));
            }
        }
        Element management = (Element) read(ROOT.resolve("bom/pom.xml")).getDocumentElement()
                .getElementsByTagName("dependencyManagement").item(0);
        assertThat(texts(management, "artifactId")).containsExactlyInAnyOrderElementsOf(published);
        assertThat(Files.exists(ROOT.resolve("examples/consumer/pom.xml"))).isTrue();
    }

    private static String directChild(Element element, String tag) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(tag)) {
                return child.getTextContent().trim();
            }
        }
        throw new AssertionError("no <" + tag + "> in " + element.getTagName());
    }
}
