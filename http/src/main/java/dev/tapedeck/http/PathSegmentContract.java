package dev.tapedeck.http;

import feign.Contract;
import feign.MethodMetadata;
import feign.Param;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feign's default contract, but every {@code @Param} that fills a variable of the URL's path is fully
 * percent-encoded by {@link PercentEncoding} before Feign sees it, so it stays exactly one path segment whatever it
 * holds: {@code /}, {@code ..}, {@code ?}, {@code #}, spaces, non-ASCII, or text that looks encoded already such as
 * {@code %2F} (which Feign on its own would pass through, and the server would read as a slash). Feign keeps the
 * {@code %XX} sequences it is given, so nothing is encoded twice. A parameter that declares its own
 * {@code Param.Expander} keeps it, with {@code decodeSlash} off so its slashes stay encoded too. A path parameter is
 * encoded as a segment wherever else the method uses the same name (a header, say), so do not share names.
 */
final class PathSegmentContract extends Contract.Default {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Pattern ALL_DOTS = Pattern.compile("\\.+");
    /** The expander of every path parameter without its own: {@link #segment}. */
    static final Param.Expander SEGMENT = value -> segment(String.valueOf(value));

    @Override
    protected MethodMetadata parseAndValidateMetadata(Class<?> targetType, Method method) {
        MethodMetadata metadata = super.parseAndValidateMetadata(targetType, method);
        metadata.template().decodeSlash(false);
        Set<String> pathVariables = pathVariables(metadata.template().path());
        Map<Integer, Param.Expander> expanders = new LinkedHashMap<>();
        if (metadata.indexToExpander() != null) {
            expanders.putAll(metadata.indexToExpander());
        }
        boolean anyPathParameter = false;
        for (Map.Entry<Integer, Collection<String>> parameter : metadata.indexToName().entrySet()) {
            Integer index = parameter.getKey();
            if (expanders.containsKey(index)) {
                continue;
            }
            Class<? extends Param.Expander> declared = metadata.indexToExpanderClass().get(index);
            if (declared != null) {
                expanders.put(index, instantiate(declared));
            } else if (parameter.getValue().stream().anyMatch(pathVariables::contains)) {
                expanders.put(index, SEGMENT);
                anyPathParameter = true;
            }
        }
        if (anyPathParameter) {
            // Feign uses either this map or the declared classes, never both, so the map holds the declared ones too.
            metadata.indexToExpander(expanders);
        }
        return metadata;
    }

    /**
     * {@code value} percent-encoded as one path segment. A value of dots only ({@code .}, {@code ..}, or more, which
     * some servers trim) has its dots encoded too, {@code %2E}, so that it is never a dot segment that a client,
     * proxy or server resolves away; {@link PercentEncoding} leaves dots as they are, being unreserved.
     */
    static String segment(String value) {
        return ALL_DOTS.matcher(value).matches() ? "%2E".repeat(value.length()) : PercentEncoding.encode(value);
    }

    /** The variable names in the path part (before any {@code ?}) of a URL template. */
    static Set<String> pathVariables(String urlTemplate) {
        int query = urlTemplate.indexOf('?');
        String path = query < 0 ? urlTemplate : urlTemplate.substring(0, query);
        Set<String> names = new HashSet<>();
        Matcher matcher = VARIABLE.matcher(path);
        while (matcher.find()) {
            String name = matcher.group(1).replaceFirst("^[+#./;?&]", "");
            int regex = name.indexOf(':');
            names.add(regex < 0 ? name : name.substring(0, regex));
        }
        return names;
    }

    private static Param.Expander instantiate(Class<? extends Param.Expander> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException unusable) {
            throw new IllegalStateException("cannot create the Param.Expander " + type.getName(), unusable);
        }
    }
}
