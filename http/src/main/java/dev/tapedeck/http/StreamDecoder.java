package dev.tapedeck.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import dev.tapedeck.http.json.JsonValues;
import dev.tapedeck.model.JsonValue;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feign's {@link JacksonDecoder}, but reading UTF-8 answers (the charset JSON mandates, and the default) straight
 * from the body's bytes: Jackson's byte parser, with no Reader decoding characters in between, which took a fifth
 * of a history walk's CPU. An answer that names another charset still goes through JacksonDecoder's Reader.
 * Otherwise the same contract: 404 and 204 give the type's empty value, no or an empty body gives null. A
 * {@link JsonAnswer} is the JSON value (JSON null for none) with the answer's headers.
 */
final class StreamDecoder implements Decoder {

    private final ObjectMapper mapper;
    private final JacksonDecoder readerDecoder;
    /** The Jackson type of each Feign method's return type: a few per provider, looked up on every call. */
    private final Map<Type, JavaType> types = new ConcurrentHashMap<>();

    StreamDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
        this.readerDecoder = new JacksonDecoder(mapper);
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (type == JsonAnswer.class) {
            Object body = decode(response, JsonValue.class);
            return new JsonAnswer(body instanceof JsonValue value ? value : new JsonValue.NullValue(),
                    response.headers());
        }
        if (response.status() == 404 || response.status() == 204) {
            return Util.emptyValueOf(type);
        }
        if (response.body() == null || response.body().length() != null && response.body().length() == 0) {
            return null;
        }
        if (!StandardCharsets.UTF_8.equals(response.charset())) {
            return readerDecoder.decode(response, type);
        }
        PushbackInputStream in = new PushbackInputStream(response.body().asInputStream(), 1);
        int first = in.read();
        if (first < 0) {
            return null;
        }
        in.unread(first);
        try (InputStream body = in) {
            if (type == JsonValue.class || type == JsonValue.ObjectValue.class) {
                // Most answers are read as provider data: straight from the tokens, without databind finding and
                // introspecting a deserializer, which is a fifth of a fresh JVM's first call.
                Class<? extends JsonValue> valueType = type == JsonValue.class ? JsonValue.class
                        : JsonValue.ObjectValue.class;
                try (JsonParser parser = mapper.createParser(body)) {
                    return JsonValues.readDocument(parser, valueType).orElse(null);
                }
            }
            return mapper.readValue(body, types.computeIfAbsent(type, mapper::constructType));
        } catch (RuntimeJsonMappingException failure) {
            if (failure.getCause() instanceof IOException cause) {
                throw cause;
            }
            throw failure;
        }
    }
}
