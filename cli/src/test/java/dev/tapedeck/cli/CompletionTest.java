package dev.tapedeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tapedeck completion bash} sourced in a real bash: the completion function bash would call on TAB, given the
 * words typed so far in {@code COMP_WORDS} and {@code COMP_CWORD}, offers the commands and options that fit.
 */
class CompletionTest {

    @TempDir
    static Path temp;

    static Path script;

    @BeforeAll
    static void generate() throws IOException {
        CliHarness.Result result = CliHarness.empty().run("completion", "bash");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        script = Files.writeString(temp.resolve("tapedeck-completion.bash"), result.out());
    }

    @Test
    void theFirstWordCompletesToCommandsHelpAndCompletionIncluded() throws Exception {
        assertThat(complete("tapedeck", "")).contains("providers", "sessions", "recordings", "pause", "resume",
                "download", "archive", "sandbox", "completion", "help");
        assertThat(complete("tapedeck", "se")).containsExactly("sessions");
        assertThat(complete("tapedeck", "--sa")).containsExactly("--sandbox");
    }

    @Test
    void aCommandsOptionsCompleteWithTheGlobalOnesAfterIt() throws Exception {
        assertThat(complete("tapedeck", "sessions", "--li")).containsExactly("--limit");
        assertThat(complete("tapedeck", "--sandbox", "archive", "--")).contains("--out", "--session", "--parallel",
                "--json", "--provider", "--help");
        assertThat(complete("tapedeck", "sandbox", "--")).contains("--host", "--port", "--media-port");
    }

    @Test
    void theShellOfCompletionCompletesToBashAndZsh() throws Exception {
        assertThat(complete("tapedeck", "completion", "")).containsExactlyInAnyOrder("bash", "zsh");
        assertThat(CliHarness.empty().run("completion", "zsh").out()).contains("ZSH_VERSION", "bashcompinit");
        ExitCodesTest.assertOneErrorLine(CliHarness.empty().run("completion", "fish"), 2, "bash or zsh");
    }

    @Test
    void bashRegistersTheFunctionForTheCommand() throws Exception {
        assertThat(bash("complete -p tapedeck")).singleElement().asString().contains("-F _complete_tapedeck");
    }

    /** What bash offers on TAB after {@code words}, the last being the word under the cursor. */
    private static List<String> complete(String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append('\'');
        }
        String line = String.join(" ", words);
        return bash("COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line
                + "'; COMP_POINT=${#COMP_LINE}; _complete_tapedeck; printf '%s\\n' \"${COMPREPLY[@]}\"");
    }

    private static List<String> bash(String commands) throws Exception {
        Process bash = new ProcessBuilder("bash", "--norc", "--noprofile", "-c",
                "source '" + script + "' && " + commands)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).as("bash ended").isTrue();
        assertThat(bash.exitValue()).as("bash's exit code; it printed " + out).isZero();
        return Arrays.stream(out.split("\n")).filter(w -> !w.isEmpty()).toList();
    }
}
