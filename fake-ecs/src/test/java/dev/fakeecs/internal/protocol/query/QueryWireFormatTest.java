package dev.fakeecs.internal.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakeecs.internal.protocol.ProtocolRequest;
import dev.fakeecs.internal.protocol.ProtocolResponse;
import dev.fakeecs.internal.protocol.ProtocolRouter;
import dev.fakeecs.internal.protocol.catalog.SimulatedServices;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;

/**
 * The Query wire as botocore's query serializer writes requests and its query parser reads answers
 * (botocore/serialize.py QuerySerializer, botocore/parsers.py QueryParser): form posts in, XML out.
 */
class QueryWireFormatTest {

    static final String NS = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/elasticloadbalancing/aws4_request, "
            + "SignedHeaders=host, Signature=0";

    private final RecordingLoadBalancing engine = new RecordingLoadBalancing();
    private final ProtocolRouter router = ProtocolRouter.builder()
            .service(SimulatedServices.loadBalancing(name -> name.equals("us-east-1") ? engine : null, "us-east-1"))
            .build();

    private ProtocolResponse post(String body) {
        return router.handle(new ProtocolRequest(null, FORM, SIGNED, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String xml(ProtocolResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void should_answer_a_list_in_botocores_shape_with_an_empty_list_as_an_empty_element() {
        ProtocolResponse response = post("Action=DescribeTargetGroups&Version=2015-12-01&Names.member.1=web");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Content-Type", "text/xml");
        String id = response.headers().get("x-amzn-RequestId");
        assertThat(xml(response)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<DescribeTargetGroupsResponse xmlns=\"" + NS + "\"><DescribeTargetGroupsResult><TargetGroups/>"
                + "</DescribeTargetGroupsResult><ResponseMetadata><RequestId>" + id + "</RequestId></ResponseMetadata>"
                + "</DescribeTargetGroupsResponse>");
    }

    @Test
    void should_write_members_lists_nested_structures_timestamps_and_booleans() {
        String body = xml(post("Action=DescribeLoadBalancers&Version=2015-12-01"));

        assertThat(body).contains("<DescribeLoadBalancersResult><LoadBalancers><member>"
                + "<LoadBalancerArn>" + RecordingLoadBalancing.LB_ARN + "</LoadBalancerArn>")
                .contains("<CreatedTime>2026-01-01T00:00:05.250Z</CreatedTime>")
                .contains("<LoadBalancerName>edge &amp; &lt;co&gt;</LoadBalancerName>")
                .contains("<State><Code>active</Code></State>")
                .contains("<AvailabilityZones><member><ZoneName>us-east-1a</ZoneName><SubnetId>subnet-us-east-1a</SubnetId>"
                        + "</member></AvailabilityZones>")
                .doesNotContain("<DNSName>");
        String created = xml(post("Action=CreateTargetGroup&Version=2015-12-01&Name=web&Protocol=HTTP&Port=80&VpcId=vpc-1"));
        assertThat(created).contains("<HealthCheckEnabled>true</HealthCheckEnabled>").contains("<Port>80</Port>")
                .contains("<LoadBalancerArns/>");
    }

    @Test
    void should_answer_an_operation_without_result_members_with_an_empty_result_as_botocore_expects() {
        ProtocolResponse response = post("Action=DeleteTargetGroup&Version=2015-12-01&TargetGroupArn=arn%3Atg");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(xml(response)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<DeleteTargetGroupResponse xmlns=\"" + NS + "\"><DeleteTargetGroupResult/><ResponseMetadata><RequestId>"
                + response.headers().get("x-amzn-RequestId") + "</RequestId></ResponseMetadata></DeleteTargetGroupResponse>");
    }

    @Test
    void should_answer_an_engine_error_as_botocores_error_response() {
        ProtocolResponse response = post("Action=DescribeTargetHealth&Version=2015-12-01&TargetGroupArn=arn%3Anope");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(xml(response)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>TargetGroupNotFound</Code>"
                + "<Message>One or more target groups not found</Message></Error><RequestId>"
                + response.headers().get("x-amzn-RequestId") + "</RequestId></ErrorResponse>");
    }

    @Test
    void should_mark_a_5xx_error_as_the_receivers() {
        ProtocolResponse response = post("Action=DescribeTargetGroups&Version=2015-12-01&Names.member.1=unhealthy-engine");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(xml(response)).contains("<Type>Receiver</Type><Code>HealthUnavailable</Code>");
    }

    @Test
    void should_name_a_missing_an_unknown_action_and_the_version() {
        assertError(post("Version=2015-12-01"), 400, "MissingAction", "The request must contain the parameter Action.");
        assertError(post("Action=Foo&Version=2015-12-01"), 400, "InvalidAction", "The action Foo is not valid for this web service.");
        assertError(post("Action=createTargetGroup&Version=2015-12-01"), 400, "InvalidAction",
                "The action createTargetGroup is not valid for this web service.");
        assertError(post("Action=DescribeTargetGroups"), 400, "MissingParameter", "The request must contain the parameter Version.");
        assertError(post("Action=DescribeTargetGroups&Version=2012-06-01"), 400, "InvalidAction",
                "Could not find operation DescribeTargetGroups for version 2012-06-01");
        assertThat(engine.requests).isEmpty();
    }

    @Test
    void should_answer_missing_required_members_with_query_member_paths() {
        ProtocolResponse response = post("Action=RegisterTargets&Version=2015-12-01&Targets.member.1.Port=0");

        assertError(response, 400, "ValidationError", "3 validation errors detected: "
                + "Value null at 'targets.1.member.id' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'targetGroupArn' failed to satisfy constraint: Member must not be null; "
                + "Value '0' at 'targets.1.member.port' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertError(post("Action=CreateTargetGroup&Version=2015-12-01"), 400, "ValidationError",
                "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void should_answer_unreadable_values_and_bodies_as_client_errors() {
        assertError(post("Action=CreateTargetGroup&Version=2015-12-01&Name=web&Port=eighty&HealthCheckEnabled=yes"), 400,
                "ValidationError", "2 validation errors detected: "
                        + "Value 'eighty' at 'port' failed to satisfy constraint: Member must be a whole number in range; "
                        + "Value 'yes' at 'healthCheckEnabled' failed to satisfy constraint: Member must be a boolean (true or false)");
        assertError(post("Action=CreateTargetGroup&Version=2015-12-01&Name=%zz"), 400, "MalformedQueryString",
                "The request body has a '%' that is not followed by two hexadecimal digits.");
        assertError(post("Action=CreateTargetGroup&Version=2015-12-01&Name=%"), 400, "MalformedQueryString",
                "The request body has a '%' that is not followed by two hexadecimal digits.");
        assertError(post("Action=CreateTargetGroup&Version=2015-12-01&Name=%C3%28"), 400, "MalformedQueryString",
                "The request body is not valid UTF-8.");
    }

    @Test
    void should_ignore_unknown_parameters_and_close_gaps_in_positions() {
        ProtocolResponse response = post("Action=RegisterTargets&Version=2015-12-01&TargetGroupArn=arn%3Atg&Bogus=1"
                + "&Targets.member.7.Id=c&Targets.member.2.Id=b&Targets.member.2.Extra=x&Targets.member.99999999.Id=d"
                + "&Targets.member.0.Id=zero&Targets.member.01.Id=lead&Targets.member.x.Id=letter&Targets.member.1.Id=a"
                + "&Targets.member.1234567890123.Id=overflow");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(engine.last(RegisterTargetsRequest.class).targets()).extracting(t -> t.id())
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    void should_read_plus_and_percent_encoding_and_an_empty_list() {
        post("Action=CreateRule&Version=2015-12-01&ListenerArn=arn%3Alistener&Priority=5"
                + "&Conditions.member.1.Field=path-pattern&Conditions.member.1.Values.member.1=%2Fa+b%2F*"
                + "&Actions.member.1.Type=fixed-response&Actions.member.1.FixedResponseConfig.StatusCode=503"
                + "&Actions.member.1.FixedResponseConfig.MessageBody=%E2%9C%93+down"
                + "&Actions.member.2.Type=authenticate-oidc&Actions.member.2.Order=1"
                + "&Actions.member.2.AuthenticateOidcConfig.Issuer=https%3A%2F%2Fidp"
                + "&Actions.member.2.AuthenticateOidcConfig.AuthorizationEndpoint=a&Actions.member.2.AuthenticateOidcConfig.TokenEndpoint=t"
                + "&Actions.member.2.AuthenticateOidcConfig.UserInfoEndpoint=u&Actions.member.2.AuthenticateOidcConfig.ClientId=c"
                + "&Actions.member.2.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.key=prompt"
                + "&Actions.member.2.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.1.value=login"
                + "&Actions.member.2.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.2.key=display"
                + "&Actions.member.2.AuthenticateOidcConfig.AuthenticationRequestExtraParams.entry.2.value=page"
                + "&Tags=");

        CreateRuleRequest got = engine.last(CreateRuleRequest.class);
        assertThat(got.conditions().get(0).values()).containsExactly("/a b/*");
        assertThat(got.actions().get(0).fixedResponseConfig().messageBody()).isEqualTo("\u2713 down");
        assertThat(got.actions().get(1).authenticateOidcConfig().authenticationRequestExtraParams())
                .containsExactly(java.util.Map.entry("prompt", "login"), java.util.Map.entry("display", "page"));
        assertThat(got.hasTags()).isTrue();
        assertThat(got.tags()).isEmpty();
    }

    @Test
    void should_answer_an_unknown_region_as_the_ecs_handler_does() {
        ProtocolResponse response = router.handle(new ProtocolRequest(null, FORM,
                SIGNED.replace("us-east-1", "xx-nowhere-9"),
                "Action=DescribeTargetGroups&Version=2015-12-01".getBytes(StandardCharsets.UTF_8)));

        assertError(response, 400, "ValidationError", "The region 'xx-nowhere-9' is not declared in this fake-ecs world.");
    }

    @Test
    void should_answer_a_body_over_the_limit_with_413() {
        String big = "Action=DescribeTargetGroups&Version=2015-12-01&Names.member.1=" + "a".repeat(1 << 20);
        assertError(post(big), 413, "RequestEntityTooLarge", (big.length()) + " bytes exceeds the request size limit of 1048576 bytes");
        ProtocolResponse early = router.tooLarge(5_000_000, null, FORM, SIGNED);
        assertThat(early.statusCode()).isEqualTo(413);
        assertThat(early.headers()).containsEntry("Content-Type", "text/xml");
        assertThat(xml(early)).contains("<Code>RequestEntityTooLarge</Code>");
    }

    static void assertError(ProtocolResponse response, int status, String code, String message) {
        assertThat(response.statusCode()).as(xml(response)).isEqualTo(status);
        assertThat(response.headers()).containsEntry("Content-Type", "text/xml");
        assertThat(xml(response)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>" + (status >= 500 ? "Receiver" : "Sender")
                + "</Type><Code>" + code + "</Code><Message>" + message.replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;") + "</Message></Error><RequestId>" + response.headers().get("x-amzn-RequestId")
                + "</RequestId></ErrorResponse>");
    }
}
