package dev.tapedeck.model;

/** The one validation rule that session and recording ids share. */
final class Identifiers {

    private Identifiers() {
    }

    /** Returns what is wrong with {@code value}, or {@code null} when it is a valid id. */
    static String problem(String value, int maxLength) {
        if (value.isBlank()) {
            return "it is blank; pass the id the provider returned";
        }
        if (value.length() > maxLength) {
            return "it is " + value.length() + " characters long, more than the " + maxLength + " allowed";
        }
        if (value.equals(".") || value.equals("..")) {
            return "'" + value + "' is a path segment, not an id";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "it contains the control character U+" + String.format("%04X", (int) c) + " at index " + i;
            }
        }
        return null;
    }
}
