package org.layeredtls.cwmp.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} or {@code Authorization} value: a scheme and its parameters
 * ({@code Digest realm="x", nonce="y", qop="auth"}), RFC 7235 §2.1. Parameter names are
 * case-insensitive and kept lower-case; quoted strings are unquoted.
 *
 * @param scheme the scheme, e.g. {@code Digest} or {@code Basic}
 * @param params the parameters (lower-case names), or for Basic the one key {@code token68}
 */
public record AuthParams(String scheme, Map<String, String> params) {

    public AuthParams {
        params = Map.copyOf(params);
    }

    /** Parses a header value; empty when it is not of the form {@code scheme [params]}. */
    public static Optional<AuthParams> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        String rest = space < 0 ? "" : value.substring(space + 1).strip();
        Map<String, String> params = new LinkedHashMap<>();
        if (!rest.isEmpty() && rest.indexOf('=') < 0 || rest.matches("[A-Za-z0-9+/._~-]+=*")) {
            params.put("token68", rest);
            return Optional.of(new AuthParams(scheme, params));
        }
        int i = 0;
        while (i < rest.length()) {
            while (i < rest.length() && (rest.charAt(i) == ',' || rest.charAt(i) == ' ' || rest.charAt(i) == '\t')) {
                i++;
            }
            int eq = rest.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = rest.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            if (i < rest.length() && rest.charAt(i) == '"') {
                i++;
                while (i < rest.length() && rest.charAt(i) != '"') {
                    if (rest.charAt(i) == '\\' && i + 1 < rest.length()) {
                        i++;
                    }
                    v.append(rest.charAt(i++));
                }
                i++;
            } else {
                while (i < rest.length() && rest.charAt(i) != ',') {
                    v.append(rest.charAt(i++));
                }
            }
            if (!name.isEmpty()) {
                params.put(name, v.toString().strip());
            }
        }
        return Optional.of(new AuthParams(scheme, params));
    }

    public boolean isScheme(String name) {
        return scheme.equalsIgnoreCase(name);
    }

    public String get(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }
}
