package dev.tapedeck.sandbox.anchor;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * AnchorBrowser's {@code used_credits}, which the document allows as a JSON number, a decimal string, or the string
 * {@code "N/A"} while a session runs.
 *
 * @param form how it is written on the wire
 * @param text its text: the number's digits, the decimal string, or {@code N/A}
 */
public record UsedCredits(Form form, String text) {

    /** The three wire forms. */
    public enum Form { NUMBER, DECIMAL_STRING, NOT_AVAILABLE }

    /** Validates that the text fits the form. */
    public UsedCredits {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(text, "text");
        if ((form == Form.NOT_AVAILABLE) != text.equals("N/A")) {
            throw new IllegalArgumentException("N/A goes with NOT_AVAILABLE only: " + form + " " + text);
        }
        if (form != Form.NOT_AVAILABLE && !text.matches("^-?\\d+(\\.\\d+)?$")) {
            throw new IllegalArgumentException("not a decimal: " + text);
        }
    }

    /** The amount, empty for {@code N/A}. */
    public Optional<BigDecimal> amount() {
        return form == Form.NOT_AVAILABLE ? Optional.empty() : Optional.of(new BigDecimal(text));
    }
}
