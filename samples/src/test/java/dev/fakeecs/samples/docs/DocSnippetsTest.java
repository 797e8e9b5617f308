package dev.fakeecs.samples.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code java} code block in README.md and docs/*.md is a marked region of a compiled test, imports included,
 * so the docs cannot drift from code that runs (samples runs last in the build, so it sees every module's sources).
 *
 * <p>A block names its source on the line before the fence ({@code <!-- snippet: path#name -->}) and must equal the
 * lines between {@code // name-START} and {@code // name-END} there, preceded by the imports of that source the
 * region uses (the imports whose simple name occurs in it, in the source's order; a blank line between plain and
 * static imports) and a blank line. A region that starts with its own imports is shown as it is. A {@code java} block
 * without a marker fails the build.
 *
 * <pre>{@code
 * <!-- snippet: samples/src/test/java/dev/fakeecs/samples/quickstart/QuickStartTest.java#readme-junit-quick-start -->
 * ```java
 * import dev.fakeecs.junit.EcsCluster;
 * ...
 * }</pre>
 */
class DocSnippetsTest {

    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: ([^#]+)#([A-Za-z0-9-]+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern JAVA_FENCE = Pattern.compile("^\\s*```java\\s*$", Pattern.MULTILINE);
    private static final Pattern MARKER_BEFORE = Pattern.compile("<!-- snippet: [^#]+#[A-Za-z0-9-]+ -->\\s*$");

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.exists(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs")))) {
            p = p.getParent();
        }
        return p;
    }

    static List<Path> docs(Path root) throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        try (var files = Files.list(root.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @Test
    void should_show_in_the_docs_exactly_the_code_the_build_compiles_and_runs_with_its_imports() throws IOException {
        Path root = root();
        int checked = 0;
        for (Path doc : docs(root)) {
            Matcher m = SNIPPET.matcher(Files.readString(doc));
            while (m.find()) {
                Path source = root.resolve(m.group(1).trim());
                assertThat(source).as("source of snippet %s in %s", m.group(2), root.relativize(doc)).exists();
                String expected = expected(Files.readString(source), m.group(2), samePackage(root, source));
                assertThat(dedent(m.group(3))).as("snippet %s in %s (from %s)", m.group(2), root.relativize(doc),
                        m.group(1).trim()).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).as("snippets checked").isGreaterThan(30);
    }

    @Test
    void should_have_no_java_block_that_is_not_a_compiled_snippet() throws IOException {
        Path root = root();
        List<String> unmarked = new ArrayList<>();
        for (Path doc : docs(root)) {
            String text = Files.readString(doc);
            Matcher fence = JAVA_FENCE.matcher(text);
            while (fence.find()) {
                if (!MARKER_BEFORE.matcher(text.substring(0, fence.start())).find()) {
                    long line = text.substring(0, fence.start()).lines().count() + 1;
                    unmarked.add(root.relativize(doc) + ":" + line);
                }
            }
        }
        assertThat(unmarked).as("java blocks without a <!-- snippet: path#name --> marker (make each a region of a"
                + " compiled test)").isEmpty();
    }

    @Test
    void should_derive_the_imports_a_region_uses() {
        String source = """
                package x;

                import java.time.Duration;
                import java.util.List;
                import software.amazon.awssdk.services.ecs.model.LaunchType;

                import static org.assertj.core.api.Assertions.assertThat;

                class T {
                    void t() {
                        // demo-START
                        var d = Duration.ofMinutes(1);
                        assertThat(d).isPositive();
                        // demo-END
                    }
                }
                """;

        assertThat(expected(source, "demo", List.of())).isEqualTo("""
                import java.time.Duration;

                import static org.assertj.core.api.Assertions.assertThat;

                var d = Duration.ofMinutes(1);
                assertThat(d).isPositive();
                """);
    }

    private static final List<String> MODULES = List.of("fake-ecs", "dsl", "junit-extension", "samples",
            "samples-spring-boot");

    /**
     * The classes of the source's own package (in any module, main or test) other than the source's own class, as
     * the import lines a reader outside the package needs, sorted by name.
     */
    static List<String> samePackage(Path root, Path source) throws IOException {
        String text = Files.readString(source);
        Matcher pkg = Pattern.compile("(?m)^package ([\\w.]+);").matcher(text);
        if (!pkg.find()) {
            return List.of();
        }
        String own = source.getFileName().toString().replace(".java", "");
        List<String> names = new ArrayList<>();
        for (String module : MODULES) {
            for (String set : List.of("main", "test")) {
                Path dir = root.resolve(module).resolve("src").resolve(set).resolve("java")
                        .resolve(pkg.group(1).replace('.', '/'));
                if (Files.isDirectory(dir)) {
                    try (var files = Files.list(dir)) {
                        files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".java"))
                                .map(f -> f.substring(0, f.length() - 5))
                                .filter(n -> !n.equals(own) && !n.equals("package-info"))
                                .forEach(n -> names.add("import " + pkg.group(1) + "." + n + ";"));
                    }
                }
            }
        }
        return names.stream().distinct().sorted().toList();
    }

    /**
     * What the docs must show for region {@code name} of {@code source}: the imports it uses (the source's own, then
     * classes of its package, then static ones), then the region.
     */
    static String expected(String source, String name, List<String> samePackage) {
        String body = region(source, name);
        String first = body.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (first.startsWith("import ") || first.startsWith("package ")) {
            return body;
        }
        List<String> imports = new ArrayList<>(source.lines().map(String::strip).filter(l -> l.startsWith("import ")
                && !l.startsWith("import static ")).toList());
        imports.addAll(samePackage);
        imports.addAll(source.lines().map(String::strip).filter(l -> l.startsWith("import static ")).toList());
        StringBuilder header = new StringBuilder();
        Boolean lastStatic = null;
        for (String line : imports) {
            boolean isStatic = line.startsWith("import static ");
            String name2 = line.substring(isStatic ? "import static ".length() : "import ".length(), line.length() - 1);
            String simple = name2.substring(name2.lastIndexOf('.') + 1);
            if (simple.equals("*") || !Pattern.compile("(?<![.\\w])" + Pattern.quote(simple) + "\\b").matcher(body).find()) {
                continue;
            }
            if (lastStatic != null && lastStatic != isStatic) {
                header.append('\n');
            }
            header.append(line).append('\n');
            lastStatic = isStatic;
        }
        return header.length() == 0 ? body : header + "\n" + body;
    }

    private static String region(String source, String name) {
        int start = source.indexOf("// " + name + "-START");
        int end = source.indexOf("// " + name + "-END");
        assertThat(start).as("marker %s-START", name).isNotNegative();
        assertThat(end).as("marker %s-END", name).isGreaterThan(start);
        String body = source.substring(source.indexOf('\n', start) + 1, source.lastIndexOf('\n', end) + 1);
        return dedent(body);
    }

    static String dedent(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            b.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return b.toString();
    }
}
