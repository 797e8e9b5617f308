/**
 * The RPC protocols of AWS services decoded generically over an SDK client interface: AWS JSON 1.0/1.1
 * ({@code X-Amz-Target}) and Smithy RPC v2 CBOR ({@code POST /service/{Service}/operation/{Op}}), with the
 * {@code awsQueryCompatible} error header, for CloudWatch today.
 */
package dev.fakeecs.internal.protocol.rpc;
