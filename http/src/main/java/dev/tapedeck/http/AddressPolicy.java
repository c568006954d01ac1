package dev.tapedeck.http;

import dev.tapedeck.model.Redaction;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a provider's answer may send the media fetcher. A URL a provider (or its media host, through a redirect)
 * hands over is fetched only when its host is public and it is https; never plain http, and never an address of
 * one of the {@link Kind non-public kinds}: loopback, this machine's own addresses (so no other port of the user's
 * machine either), link-local (cloud metadata services live there), private and unique-local ranges, and special
 * ranges (multicast, reserved). IPv4 addresses embedded in IPv6 ones (mapped, compatible, NAT64, 6to4) count as
 * the IPv4 address they carry.
 *
 * <p>Two exceptions: the kinds of address the configured base URL itself has are allowed (a sandbox or test
 * server on loopback may serve media from another loopback port), and every kind is allowed when the user turns
 * {@code allowPrivateAddresses} on. Plain http is allowed only to an allowed non-public address.
 *
 * <p>A host name is resolved once, here, and refused if any of its addresses is refused. The fetch resolves it
 * again: a name whose DNS answer changes in between (rebinding) is outside what this check can see.
 */
final class AddressPolicy {

    /** What an address is, for this policy. */
    enum Kind {
        PUBLIC("a public address", "public"),
        LOOPBACK("a loopback address", "loopback"),
        THIS_MACHINE("an address of this machine", "this machine's"),
        LINK_LOCAL("a link-local address", "link-local"),
        PRIVATE("a private address", "private"),
        SPECIAL("a multicast, reserved or unreadable address", "special");

        private final String one;
        private final String adjective;

        Kind(String one, String adjective) {
            this.one = one;
            this.adjective = adjective;
        }
    }

    /** Resolves a host name to its addresses, as {@link InetAddress#getAllByName} does. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

    private final String providerId;
    private final URI baseUrl;
    private final boolean allowAll;
    private final Resolver resolver;
    private volatile Set<Kind> allowed;

    AddressPolicy(String providerId, URI baseUrl, boolean allowPrivateAddresses, Resolver resolver) {
        this.providerId = providerId;
        this.baseUrl = baseUrl;
        this.allowAll = allowPrivateAddresses;
        this.resolver = resolver;
    }

    /**
     * {@code url} when it may be fetched, else why not, as one line naming the host. Throws UnknownHostException
     * when an https host does not resolve: the fetch would fail the same way, as a network error.
     */
    Either<String, URI> check(URI url) throws UnknownHostException {
        String shown = Redaction.url(url);
        if (!url.isAbsolute() || url.isOpaque() || url.getScheme() == null) {
            return refuse(shown, "it is not an absolute http(s) URL");
        }
        if (url.getRawUserInfo() != null) {
            return refuse(shown, "it carries user-info (credentials) before the host");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return refuse(shown, "it has no valid host");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        boolean plain = scheme.equals("http");
        if (!plain && !scheme.equals("https")) {
            return refuse(shown, "the scheme '" + scheme + "' is not https");
        }
        Set<Kind> kinds;
        try {
            kinds = kinds(host);
        } catch (UnknownHostException unresolved) {
            if (plain) {
                return refuse(shown, "plain http is allowed only to " + allowedText() + ", and " + host
                        + " does not resolve; the link should be https");
            }
            throw unresolved;
        }
        Set<Kind> allowedKinds = allowed();
        for (Kind kind : kinds) {
            if (!allowedKinds.contains(kind)) {
                return refuse(shown, host + " is " + kind.one + ", where downloads never go unless the base URL is"
                        + " one too or private addresses are allowed (ProviderConfig allowPrivateAddresses)");
            }
        }
        if (plain && kinds.contains(Kind.PUBLIC)) {
            return refuse(shown, "plain http is allowed only to " + allowedText() + "; the link to " + host
                    + " should be https");
        }
        return Either.right(url);
    }

    /** The kinds of {@code host}'s addresses: literal IPs as they are, names resolved. */
    Set<Kind> kinds(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return EnumSet.of(Kind.LOOPBACK);
        }
        InetAddress[] addresses;
        if (name.indexOf(':') >= 0 || IPV4_LITERAL.matcher(name).matches()) {
            try {
                addresses = new InetAddress[] {InetAddress.getByName(name)};
            } catch (UnknownHostException unreadable) {
                return EnumSet.of(Kind.SPECIAL);
            }
        } else {
            addresses = resolver.resolve(name);
        }
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (InetAddress address : addresses) {
            kinds.add(kind(address));
        }
        return kinds;
    }

    /** What {@code address} is. */
    static Kind kind(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<byte[]> embedded = address instanceof Inet6Address ? embeddedIpv4(bytes) : Optional.of(bytes);
        Kind kind = embedded.map(AddressPolicy::ipv4Kind).orElseGet(() -> ipv6Kind(bytes));
        if (kind == Kind.PUBLIC && isThisMachine(address)) {
            return Kind.THIS_MACHINE;
        }
        return kind;
    }

    private static Kind ipv4Kind(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 127) {
            return Kind.LOOPBACK;
        }
        if (b0 == 0) {
            return Kind.THIS_MACHINE;
        }
        if (b0 == 169 && b1 == 254) {
            return Kind.LINK_LOCAL;
        }
        if (b0 == 10 || b0 == 172 && (b1 & 0xf0) == 16 || b0 == 192 && b1 == 168 || b0 == 100 && (b1 & 0xc0) == 64) {
            return Kind.PRIVATE;
        }
        if (b0 >= 224 || b0 == 192 && b1 == 0 && (a[2] & 0xff) == 0 || b0 == 198 && (b1 & 0xfe) == 18) {
            return Kind.SPECIAL;
        }
        return Kind.PUBLIC;
    }

    private static Kind ipv6Kind(byte[] a) {
        boolean zeroUpTo15 = true;
        for (int i = 0; i < 15; i++) {
            zeroUpTo15 &= a[i] == 0;
        }
        if (zeroUpTo15 && a[15] == 1) {
            return Kind.LOOPBACK;
        }
        if (zeroUpTo15 && a[15] == 0) {
            return Kind.THIS_MACHINE;
        }
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Kind.LINK_LOCAL;
        }
        if ((b0 & 0xfe) == 0xfc || b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return Kind.PRIVATE;
        }
        if (b0 == 0xff) {
            return Kind.SPECIAL;
        }
        return Kind.PUBLIC;
    }

    /**
     * The IPv4 address an IPv6 one carries: IPv4-mapped {@code ::ffff:a.b.c.d} (which Java usually turns into an
     * IPv4 address already), IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96} and 6to4
     * {@code 2002:AABB:CCDD::/48}.
     */
    private static Optional<byte[]> embeddedIpv4(byte[] a) {
        boolean zeroUpTo10 = true;
        for (int i = 0; i < 10; i++) {
            zeroUpTo10 &= a[i] == 0;
        }
        boolean mapped = zeroUpTo10 && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
        boolean compatible = zeroUpTo10 && a[10] == 0 && a[11] == 0 && !(a[12] == 0 && a[13] == 0 && a[14] == 0);
        boolean nat64 = (a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff
                && (a[3] & 0xff) == 0x9b && Arrays.equals(a, 4, 12, new byte[8], 0, 8);
        if (mapped || compatible || nat64) {
            return Optional.of(Arrays.copyOfRange(a, 12, 16));
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return Optional.of(Arrays.copyOfRange(a, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean isThisMachine(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException unknowable) {
            return false;
        }
    }

    /** PUBLIC, the base URL's own kinds, or everything when private addresses are allowed; worked out once. */
    private Set<Kind> allowed() {
        Set<Kind> known = allowed;
        if (known != null) {
            return known;
        }
        Set<Kind> kinds = EnumSet.of(Kind.PUBLIC);
        if (allowAll) {
            kinds = EnumSet.allOf(Kind.class);
        } else if (baseUrl.getHost() != null) {
            try {
                kinds.addAll(kinds(baseUrl.getHost()));
            } catch (IOException unresolved) {
                // a base URL that does not resolve allows nothing more; its API calls fail on their own
            }
        }
        allowed = kinds;
        return kinds;
    }

    private String allowedText() {
        List<String> kinds = new ArrayList<>();
        allowed().stream().filter(kind -> kind != Kind.PUBLIC).forEach(kind -> kinds.add(kind.adjective));
        return kinds.isEmpty() ? "no address when the base URL is public" : String.join(" or ", kinds) + " addresses";
    }

    private Either<String, URI> refuse(String shown, String why) {
        return Either.left(providerId + ": refusing to fetch " + shown + ": " + why);
    }
}
