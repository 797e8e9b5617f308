package dev.fakeecs.internal.elbv2;

import dev.fakeecs.internal.paging.PageTokens;

import java.util.List;

/**
 * Elastic Load Balancing's paging: {@code Marker} in, {@code NextMarker} out, {@code PageSize} 1–400 (all items
 * when absent). Markers are opaque (base64 of the listing and offset), deterministic and never expire.
 *
 * <pre>{@code
 * Markers.Page<TargetGroupRecord> page = Markers.page(all, request.marker(), request.pageSize(), "tg");
 * }</pre>
 */
final class Markers {

    static final int MAX_PAGE_SIZE = 400;

    private Markers() {
    }

    record Page<T>(List<T> items, String nextMarker) {
    }

    static <T> Page<T> page(List<T> all, String marker, Integer pageSize, String listing) {
        ElbErrors.range("pageSize", pageSize, 1, MAX_PAGE_SIZE);
        int size = pageSize == null ? MAX_PAGE_SIZE : pageSize;
        int from = marker == null || marker.isEmpty() ? 0 : decode(marker, listing);
        from = Math.min(from, all.size());
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? encode(to, listing) : null;
        return new Page<>(List.copyOf(all.subList(from, to)), next);
    }

    private static String encode(int offset, String listing) {
        return PageTokens.encode(offset, listing);
    }

    private static int decode(String marker, String listing) {
        try {
            return PageTokens.decode(marker, listing);
        } catch (IllegalArgumentException e) {
            throw ElbErrors.validation("Invalid marker");
        }
    }
}
