package dev.tapedeck.benchmarks.calls;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor: what the same calls cost with nothing but {@link HttpURLConnection} (the transport under Feign's
 * default client) and Jackson's streaming parser reading straight from the connection's InputStream into the same
 * shapes Tapedeck returns (neutral fields typed, every other field kept as plain Java values). No retries, limits or
 * checks: a status other than 200 is an exception.
 */
final class FloorClient {

    /** A session as the floor reads it. */
    record FloorSession(String id, String status, Instant createdAt, List<String> tags, List<String> domains,
            Boolean recording, BigDecimal credits, Long steps, Duration duration, Map<String, Object> rest) {
    }

    /** A recording as the floor reads it. */
    record FloorRecording(String id, boolean primary, URI url, String fileName, String duration, Long size,
            Instant createdAt, Map<String, Object> rest) {
    }

    private final URI base;
    private final JsonFactory json = new JsonFactory();

    FloorClient(URI base) {
        this.base = base;
    }

    /** Every session of the history, page by page, counted. */
    long history() throws IOException {
        long count = 0;
        for (int page = 1; ; page++) {
            List<FloorSession> sessions = new ArrayList<>(AnchorData.PAGE_SIZE);
            long totalPages;
            try (InputStream in = get("/v1/sessions?page=" + page + "&limit=" + AnchorData.PAGE_SIZE);
                    JsonParser parser = json.createParser(in)) {
                totalPages = historyPage(parser, sessions);
            }
            count += sessions.size();
            if (sessions.isEmpty() || page >= totalPages) {
                return count;
            }
        }
    }

    /** The recordings of one session. */
    List<FloorRecording> recordings(String session) throws IOException {
        List<FloorRecording> out = new ArrayList<>(4);
        try (InputStream in = get("/v1/sessions/" + session + "/recordings");
                JsonParser parser = json.createParser(in)) {
            dataFields(parser, (field, value) -> {
                if (value == JsonToken.START_ARRAY && field.equals("items")) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        out.add(recording(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            });
        }
        return out;
    }

    private InputStream get(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(60_000);
        connection.setRequestProperty("anchor-api-key", StaticServer.API_KEY);
        connection.setRequestProperty("Accept", "application/json");
        if (connection.getResponseCode() != 200) {
            connection.getErrorStream().close();
            throw new IOException("status " + connection.getResponseCode() + " for " + path);
        }
        return connection.getInputStream();
    }

    private long historyPage(JsonParser parser, List<FloorSession> sessions) throws IOException {
        long[] totalPages = {0};
        dataFields(parser, (field, value) -> {
            if (field.equals("sessions") && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    sessions.add(session(parser));
                }
            } else if (field.equals("total_pages")) {
                totalPages[0] = parser.getLongValue();
            } else {
                parser.skipChildren();
            }
        });
        return totalPages[0];
    }

    /** What to do with one field of the answer's {@code data} object, the parser on its value. */
    private interface DataField {
        void read(String field, JsonToken value) throws IOException;
    }

    /** Walks {@code {"data": {...}}}, handing each field of {@code data} to {@code handler}; skips the rest. */
    private static void dataFields(JsonParser parser, DataField handler) throws IOException {
        expect(parser.nextToken(), JsonToken.START_OBJECT);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (!name.equals("data")) {
                parser.skipChildren();
                continue;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                handler.read(field, parser.nextToken());
            }
        }
    }

    private FloorSession session(JsonParser parser) throws IOException {
        String id = null;
        String status = null;
        Instant created = null;
        List<String> tags = List.of();
        List<String> domains = List.of();
        Boolean recording = null;
        BigDecimal credits = null;
        Long steps = null;
        Duration duration = null;
        Map<String, Object> rest = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "id" -> id = parser.getText();
                case "status" -> status = parser.getText();
                case "created_at" -> created = Instant.parse(parser.getText());
                case "tags" -> tags = strings(parser);
                case "domains" -> domains = strings(parser);
                case "recording" -> recording = value == JsonToken.VALUE_TRUE;
                case "used_credits" -> {
                    if (value.isNumeric()) {
                        credits = parser.getDecimalValue();
                    } else {
                        rest.put(field, raw(parser));
                    }
                }
                case "steps" -> steps = value.isNumeric() ? parser.getLongValue() : null;
                case "duration" -> duration = value.isNumeric() ? Duration.ofSeconds(parser.getLongValue()) : null;
                default -> rest.put(field, raw(parser));
            }
        }
        return new FloorSession(id, status, created, tags, domains, recording, credits, steps, duration, rest);
    }

    private FloorRecording recording(JsonParser parser) throws IOException {
        RecordingDraft draft = new RecordingDraft();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            draft.read(parser.currentName(), parser.nextToken(), parser);
        }
        return new FloorRecording(draft.id, draft.primary, draft.url, draft.fileName, draft.duration, draft.size,
                draft.created, draft.rest);
    }

    /** A recording's fields as they are read. */
    private static final class RecordingDraft {
        private String id;
        private boolean primary;
        private URI url;
        private String fileName;
        private String duration;
        private Long size;
        private Instant created;
        private final Map<String, Object> rest = new LinkedHashMap<>();

        void read(String field, JsonToken value, JsonParser parser) throws IOException {
            switch (field) {
                case "id" -> id = parser.getText();
                case "is_primary" -> primary = value == JsonToken.VALUE_TRUE;
                case "file_link" -> url = URI.create(parser.getText());
                case "suggested_file_name" -> fileName = parser.getText();
                case "duration" -> duration = parser.getText();
                case "size" -> size = parser.getLongValue();
                case "created_at" -> created = Instant.parse(parser.getText());
                default -> rest.put(field, raw(parser));
            }
        }
    }

    /**
     * The value at the parser as plain Java (maps, lists, text, exact numbers, booleans, null), read straight from
     * the tokens as Tapedeck keeps provider data: no tree model, no deserialization context per value.
     */
    private static Object raw(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    members.put(name, raw(parser));
                }
                return members;
            }
            case START_ARRAY -> {
                List<Object> values = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    values.add(raw(parser));
                }
                return values;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getDecimalValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.currentToken() == JsonToken.VALUE_TRUE;
            }
            default -> {
                return null;
            }
        }
    }

    private static List<String> strings(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<String> out = new ArrayList<>(4);
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            out.add(parser.getText());
        }
        return out;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", got " + actual);
        }
    }
}
