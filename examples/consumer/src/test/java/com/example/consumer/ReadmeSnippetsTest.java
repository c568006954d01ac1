package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The repository's README shows this project's code as it is: a fenced block after
 * {@code <!-- same text as examples/consumer/FILE -->} must be that file's whole text, one after
 * {@code <!-- part of examples/consumer/FILE -->} must appear in it. So the README's Java compiles and runs
 * wherever this project does.
 */
class ReadmeSnippetsTest {

    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- (same text as|part of) examples/consumer/(\\S+) -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyMarkedSnippetOfTheReadmeIsTheExamplesCode() throws IOException {
        String readme = Files.readString(Path.of("..", "..", "README.md"), StandardCharsets.UTF_8);
        Matcher snippet = SNIPPET.matcher(readme);
        int checked = 0;
        while (snippet.find()) {
            String file = Files.readString(Path.of(snippet.group(2)), StandardCharsets.UTF_8);
            if (snippet.group(1).equals("same text as")) {
                assertEquals(file, snippet.group(3), "the README's copy of " + snippet.group(2));
            } else {
                assertTrue(file.contains(snippet.group(3)), "the README's lines of " + snippet.group(2)
                        + " are not in it:\n" + snippet.group(3));
            }
            checked++;
        }
        assertEquals(4, checked,
                "marked snippets in the README: the quick start, wire logging, metrics and the module path");
    }
}
