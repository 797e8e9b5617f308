package dev.fakeecs.internal.paging;

import dev.fakeecs.internal.error.EcsErrors;

import java.util.List;

/**
 * One page of a List/Describe answer and the {@code nextToken} that leads to the next one.
 * Tokens are opaque to callers (base64 of the offset and what was listed, so a token from one
 * listing is refused by another), deterministic, and never expire.
 *
 * <pre>{@code
 * Page<String> page = Page.of(arns, request.nextToken(), request.maxResults(), 100, "ListContainerInstances");
 * return ListContainerInstancesResponse.builder().containerInstanceArns(page.items()).nextToken(page.nextToken()).build();
 * }</pre>
 *
 * @param items     the items on this page
 * @param nextToken the token for the next page, or null on the last page
 */
public record Page<T>(List<T> items, String nextToken) {

    /** Cuts one page out of {@code all}, where the default page size is also the largest. */
    public static <T> Page<T> of(List<T> all, String nextToken, Integer maxResults, int limit, String listing) {
        return of(all, nextToken, maxResults, limit, limit, listing);
    }

    /**
     * Cuts one page out of {@code all}.
     *
     * @param all        everything, in the order the API lists it
     * @param nextToken  the request's token (null for the first page)
     * @param maxResults the request's maxResults (null for the default)
     * @param defaultSize the page size without maxResults (ListServices: 10)
     * @param maxSize    the largest maxResults the API takes (ListServices: 100)
     * @param listing    names the listing, so tokens cannot cross listings
     */
    public static <T> Page<T> of(List<T> all, String nextToken, Integer maxResults, int defaultSize, int maxSize,
                                 String listing) {
        int size = maxResults == null ? defaultSize : maxResults;
        if (size < 1 || size > maxSize) {
            throw EcsErrors.invalidParameter("maxResults must be between 1 and " + maxSize + ".");
        }
        int from = nextToken == null || nextToken.isEmpty() ? 0 : decode(nextToken, listing);
        if (from > all.size()) {
            from = all.size();
        }
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? encode(to, listing) : null;
        return new Page<>(List.copyOf(all.subList(from, to)), next);
    }

    private static String encode(int offset, String listing) {
        return PageTokens.encode(offset, listing);
    }

    private static int decode(String token, String listing) {
        try {
            return PageTokens.decode(token, listing);
        } catch (IllegalArgumentException e) {
            throw EcsErrors.invalidParameter("Invalid nextToken: " + token);
        }
    }
}
