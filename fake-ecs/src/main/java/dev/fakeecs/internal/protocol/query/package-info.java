/**
 * The AWS Query protocol (form posts in, XML out), generic over any AWS SDK client interface: Elastic Load
 * Balancing v2 today, CloudWatch's Query flavour later. Entry point:
 * {@link dev.fakeecs.internal.protocol.query.QueryProtocolHandler}.
 */
package dev.fakeecs.internal.protocol.query;
