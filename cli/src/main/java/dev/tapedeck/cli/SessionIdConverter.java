package dev.tapedeck.cli;

import dev.tapedeck.model.SessionId;
import picocli.CommandLine;

/** Parses a session id argument; an invalid id is a usage error (exit 2). */
final class SessionIdConverter implements CommandLine.ITypeConverter<SessionId> {
    @Override
    public SessionId convert(String value) {
        try {
            return SessionId.of(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
