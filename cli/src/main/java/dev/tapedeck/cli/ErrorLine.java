package dev.tapedeck.cli;

import dev.tapedeck.model.Redaction;
import dev.tapedeck.model.TapedeckError;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns errors into the one line people read. Messages from Tapedeck are already free of secrets; this is the
 * second line of defence at the process boundary: every URL goes through {@link Redaction#url(String)}, every key
 * the run knows is masked in any letter case (providers echo keys back upper- or lower-cased), a library setting
 * named as the remedy becomes the option that sets it ({@link GlobalOptions#OPTION_FOR_SETTING}), and control
 * characters are shown as escapes (see {@link TerminalText}).
 */
final class ErrorLine {

    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>]+");

    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    /** Remembers a value that must never be printed. */
    void secret(String value) {
        if (value != null && value.length() >= 4) {
            secrets.add(value);
        }
    }

    /** {@code error}'s message, prefixed with its provider unless it names it already, scrubbed. */
    String text(TapedeckError error) {
        String message = error.message().replace('\n', ' ').replace('\r', ' ').strip();
        String provider = error.provider();
        boolean named = provider.isEmpty() || message.toLowerCase(java.util.Locale.ROOT).contains(provider);
        return scrub(named ? message : provider + ": " + message);
    }

    /**
     * {@code text} with URLs redacted, settings named as options, known secrets masked and control characters
     * escaped.
     */
    String scrub(String text) {
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Redaction.url(m.group())));
        }
        m.appendTail(out);
        String result = out.toString();
        for (Map.Entry<String, String> setting : GlobalOptions.OPTION_FOR_SETTING.entrySet()) {
            result = result.replace(setting.getKey(), setting.getValue());
        }
        for (String secret : secrets) {
            result = Pattern.compile(Pattern.quote(secret), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(result).replaceAll("****");
        }
        return TerminalText.safe(result);
    }
}
