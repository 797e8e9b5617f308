package dev.fakeecs.samples.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What Maven Central requires of every published module (fake-ecs, fake-ecs-dsl, fake-ecs-junit, fake-ecs-bom), checked
 * in the build: name, description, url, licenses, developers and scm (in the module or inherited from the parent), a
 * LICENSE and NOTICE at the root, and sources and javadoc jars beside the main jar once the module is packaged.
 */
class PublicationMetadataTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static Document pom(Path dir) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(dir.resolve("pom.xml").toFile());
    }

    /** The text of a direct child of the project element, or null. */
    private static Element child(Document pom, String name) {
        for (Node n = pom.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static boolean hasParent(Document pom) {
        return child(pom, "parent") != null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fake-ecs", "dsl", "junit-extension", "bom"})
    void should_carry_the_metadata_maven_central_requires(String module) throws Exception {
        Document pom = pom(ROOT.resolve(module));
        Document inherited = hasParent(pom) ? pom(ROOT) : pom;
        assertThat(child(pom, "name")).as("%s name", module).isNotNull();
        assertThat(child(pom, "description")).as("%s description", module).isNotNull();
        assertThat(child(pom, "description").getTextContent()).as("%s description", module).hasSizeGreaterThan(20);
        for (String required : List.of("url", "licenses", "developers", "scm")) {
            Element own = child(pom, required);
            assertThat(own != null ? own : child(inherited, required)).as("%s %s", module, required).isNotNull();
        }
        Element licenses = child(hasParent(pom) ? inherited : pom, "licenses");
        assertThat(licenses.getTextContent()).contains("Apache License, Version 2.0");
    }

    @Test
    void should_not_let_the_bom_pin_anything_but_fake_ecs() throws Exception {
        Document bom = pom(ROOT.resolve("bom"));
        assertThat(hasParent(bom)).as("the BOM has no parent (it would import the build's pins)").isFalse();
        var managed = ((Element) child(bom, "dependencyManagement")).getElementsByTagName("dependency");
        assertThat(managed.getLength()).isEqualTo(3);
        for (int i = 0; i < managed.getLength(); i++) {
            Element dependency = (Element) managed.item(i);
            assertThat(dependency.getElementsByTagName("groupId").item(0).getTextContent()).isEqualTo("dev.fakeecs");
        }
    }

    @Test
    void should_ship_license_and_notice() throws Exception {
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004");
        assertThat(ROOT.resolve("NOTICE")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fake-ecs:fake-ecs", "dsl:fake-ecs-dsl", "junit-extension:fake-ecs-junit"})
    void should_attach_sources_and_javadoc_jars(String moduleAndArtifact) throws Exception {
        String[] parts = moduleAndArtifact.split(":");
        Path target = ROOT.resolve(parts[0]).resolve("target");
        String version = child(pom(ROOT), "version").getTextContent().trim();
        Path main = target.resolve(parts[1] + "-" + version + ".jar");
        assumeTrue(Files.exists(main), "the module is not packaged in this build");
        assertThat(target.resolve(parts[1] + "-" + version + "-sources.jar")).exists();
        assertThat(target.resolve(parts[1] + "-" + version + "-javadoc.jar")).exists();
    }
}
