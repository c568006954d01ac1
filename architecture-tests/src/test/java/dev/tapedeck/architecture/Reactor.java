package dev.tapedeck.architecture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The build as its POMs describe it: the reactor's modules, and which of them are published. */
final class Reactor {

    /** The repository's root folder; the tests run in architecture-tests/. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /**
     * A published module of the reactor.
     *
     * @param folder     its folder below {@link #ROOT}, e.g. {@code provider-anchor}
     * @param artifactId its artifact, e.g. {@code tapedeck-provider-anchor}
     */
    record Module(String folder, String artifactId) {

        /** Its compiled production classes. */
        Path classes() {
            return ROOT.resolve(folder).resolve("target/classes");
        }
    }

    private Reactor() {
    }

    /** Every module of the root POM except the BOM whose artifact is deployed (test modules and archives are not). */
    static List<Module> published() throws Exception {
        Element root = read(ROOT.resolve("pom.xml")).getDocumentElement();
        List<Module> published = new ArrayList<>();
        for (String folder : texts((Element) root.getElementsByTagName("modules").item(0), "module")) {
            if (folder.equals("bom")) {
                continue;
            }
            Element modulePom = read(ROOT.resolve(folder).resolve("pom.xml")).getDocumentElement();
            if (!texts(modulePom, "maven.deploy.skip").contains("true")) {
                published.add(new Module(folder, directChild(modulePom, "artifactId")));
            }
        }
        return published;
    }

    static Document read(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of every {@code tag} element below {@code parent}, trimmed. */
    static List<String> texts(Element parent, String tag) {
        List<String> values = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
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
