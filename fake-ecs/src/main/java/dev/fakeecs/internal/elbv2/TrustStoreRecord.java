package dev.fakeecs.internal.elbv2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trust store: its CA certificates bundle's S3 reference and its certificate revocation lists by id (engine
 * lock held).
 *
 * <pre>{@code
 * TrustStoreRecord ts = resources.trustStores.get(arn);
 * String bucket = ts.bucket;
 * }</pre>
 */
final class TrustStoreRecord {

    /** One revocation list of a trust store, as AddTrustStoreRevocations gave it. */
    record Revocation(long id, String bucket, String key, String version, String type) {
    }

    final String arn;
    final String name;
    String bucket;
    String key;
    String version;
    final Map<Long, Revocation> revocations = new LinkedHashMap<>();
    long nextRevocationId = 1;

    TrustStoreRecord(String arn, String name) {
        this.arn = arn;
        this.name = name;
    }
}
