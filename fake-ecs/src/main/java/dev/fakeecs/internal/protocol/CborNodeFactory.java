package dev.fakeecs.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The node factory of the Smithy RPC v2 CBOR protocol: in the tree {@link SdkJsonCodec} builds with it,
 * timestamps are marked ({@link #isTimestamp}: a CBOR writer tags them 1, epoch seconds) and blobs are binary nodes
 * (CBOR byte strings), where the JSON protocols have plain numbers and base64 text.
 *
 * <pre>{@code
 * ObjectNode tree = SdkJsonCodec.instance().encode(response, CborNodeFactory.instance());
 * boolean tagged = CborNodeFactory.isTimestamp(tree.get("Timestamp"));   // true
 * }</pre>
 */
public final class CborNodeFactory extends JsonNodeFactory {

    private static final long serialVersionUID = 1L;
    private static final CborNodeFactory INSTANCE = new CborNodeFactory();

    private CborNodeFactory() {
        super(true);
    }

    /** The shared factory. */
    public static CborNodeFactory instance() {
        return INSTANCE;
    }

    /** A timestamp: epoch seconds, written with CBOR tag 1. */
    public DecimalNode timestamp(Instant instant) {
        return new EpochSecondsNode(BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros());
    }

    /** Whether {@code node} is a timestamp this factory made (to be written with CBOR tag 1). */
    public static boolean isTimestamp(JsonNode node) {
        return node instanceof EpochSecondsNode;
    }

    /** Epoch seconds that a CBOR writer tags 1 (see {@link #isTimestamp}); written as JSON, a plain number. */
    private static final class EpochSecondsNode extends DecimalNode {

        private static final long serialVersionUID = 1L;

        EpochSecondsNode(BigDecimal seconds) {
            super(seconds);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EpochSecondsNode && super.equals(o);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
