package dev.fakeecs.internal.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque paging tokens every simulated service hands out ({@code nextToken}, {@code NextMarker}): base64 of
 * what was listed and the offset, so a token of one listing is refused by another; deterministic, never expiring.
 * Each service turns a refused token into its own error.
 *
 * <pre>{@code
 * String next = PageTokens.encode(100, "ListServices");
 * int offset = PageTokens.decode(next, "ListServices");   // 100; IllegalArgumentException for a foreign token
 * }</pre>
 */
public final class PageTokens {

    private PageTokens() {
    }

    /** The token for the page that starts at {@code offset} of {@code listing}. */
    public static String encode(int offset, String listing) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((listing + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The offset a token of {@code listing} stands for.
     *
     * @throws IllegalArgumentException for anything but a token of this listing
     */
    public static int decode(String token, String listing) {
        String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String prefix = listing + ":";
        if (!text.startsWith(prefix)) {
            throw new IllegalArgumentException(text);
        }
        int offset = Integer.parseInt(text.substring(prefix.length()));
        if (offset < 0) {
            throw new IllegalArgumentException(text);
        }
        return offset;
    }
}
