package dev.fakeecs.docs;

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
 * Every snippet in README.md and docs/*.md that names its source ({@code <!-- snippet: path#name -->}
 * on the line before the code fence) must equal the lines between {@code // name-START} and
 * {@code // name-END} in that compiled test source, so the docs cannot drift from code that runs.
 */
class DocSnippetsTest {

    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: ([^#]+)#([A-Za-z0-9-]+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("README.md"))) {
            p = p.getParent();
        }
        return p;
    }

    @Test
    void should_show_in_the_docs_exactly_the_code_the_build_compiles_and_runs() throws IOException {
        Path root = root();
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        if (Files.isDirectory(root.resolve("docs"))) {
            try (var files = Files.list(root.resolve("docs"))) {
                files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
            }
        }
        int checked = 0;
        for (Path doc : docs) {
            Matcher m = SNIPPET.matcher(Files.readString(doc));
            while (m.find()) {
                String source = Files.readString(root.resolve(m.group(1).trim()));
                String expected = region(source, m.group(2));
                assertThat(dedent(m.group(3))).as("snippet %s in %s", m.group(2), root.relativize(doc))
                        .isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).as("snippets checked").isPositive();
    }

    private static String region(String source, String name) {
        int start = source.indexOf("// " + name + "-START");
        int end = source.indexOf("// " + name + "-END");
        assertThat(start).as("marker %s-START", name).isNotNegative();
        assertThat(end).as("marker %s-END", name).isGreaterThan(start);
        String body = source.substring(source.indexOf('\n', start) + 1, source.lastIndexOf('\n', end) + 1);
        return dedent(body);
    }

    private static String dedent(String text) {
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
