package dev.tapedeck.http;

import feign.Contract;
import feign.MethodMetadata;
import java.lang.reflect.Method;

/**
 * Feign's default contract with {@code decodeSlash} forced off on every method, so a path parameter that contains
 * {@code /} stays one percent-encoded segment ({@code %2F}) instead of becoming a path separator.
 */
final class NoSlashDecodingContract extends Contract.Default {

    @Override
    protected MethodMetadata parseAndValidateMetadata(Class<?> targetType, Method method) {
        MethodMetadata metadata = super.parseAndValidateMetadata(targetType, method);
        metadata.template().decodeSlash(false);
        return metadata;
    }
}
