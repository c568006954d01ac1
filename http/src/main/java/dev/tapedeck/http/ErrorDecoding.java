package dev.tapedeck.http;

import feign.Response;
import feign.codec.ErrorDecoder;

/**
 * Feign's error hook: every non-2xx answer of an API call becomes an {@link ApiException} via the ErrorMapper, its
 * request id added.
 */
final class ErrorDecoding implements ErrorDecoder {

    private final FailureReader reader;
    private final ErrorMapper mapper;

    ErrorDecoding(FailureReader reader, ErrorMapper mapper) {
        this.reader = reader;
        this.mapper = mapper;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        return new ApiException(FailureReader.mapped(reader.failure(FailureReader.buffer(response)), mapper));
    }
}
