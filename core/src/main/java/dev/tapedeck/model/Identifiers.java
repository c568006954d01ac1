package dev.tapedeck.model;

/**
 * The one validation rule that session and recording ids share: an id is whatever text can travel
 * percent-encoded as one URL path segment and come back unchanged.
 */
final class Identifiers {

    private Identifiers() {
    }

    /** Returns what is wrong with {@code value}, or {@code null} when it is a valid id. */
    static String problem(String value, int maxLength) {
        if (value.isEmpty()) {
            return "it is empty; pass the id the provider returned";
        }
        if (value.length() > maxLength) {
            return "it is " + value.length() + " characters long, more than the " + maxLength + " allowed";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // UTF-8, and so percent-encoding, has no form for half a character: it would arrive as another id.
                return "it contains the unpaired surrogate U+" + String.format("%04X", (int) c) + " at index " + i
                        + ", which no URL can carry";
            }
        }
        return null;
    }
}
