package dev.fakeecs.internal.account;

import dev.fakeecs.internal.region.RegionEngine;
import dev.fakeecs.internal.containerinstance.ErrorText;
import dev.fakeecs.FakeEcs;
import dev.fakeecs.journal.JournalEventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsResponse;
import software.amazon.awssdk.services.ecs.model.Setting;
import software.amazon.awssdk.services.ecs.model.SettingName;
import software.amazon.awssdk.services.ecs.model.SettingType;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountSettingsTest {

    private static final String ROOT = "arn:aws:iam::123456789012:root";
    private static final String ROLE = "arn:aws:iam::123456789012:role/deployer";

    private FakeEcs ecs;
    private EcsClient api;

    @BeforeEach
    void setUp() {
        ecs = FakeEcs.create();
        api = ecs.api();
    }

    private List<Setting> effective(String principal) {
        List<Setting> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListAccountSettingsResponse page = api.listAccountSettings(r -> r.effectiveSettings(true)
                    .principalArn(principal).nextToken(next));
            all.addAll(page.settings());
            token = page.nextToken();
        } while (token != null);
        return all;
    }

    private static Setting find(List<Setting> settings, SettingName name) {
        return settings.stream().filter(s -> s.name() == name).findFirst().orElseThrow();
    }

    @Test
    void should_start_from_the_aws_defaults() {
        List<Setting> settings = effective(null);

        assertThat(settings).hasSize(12);
        assertThat(find(settings, SettingName.TASK_LONG_ARN_FORMAT).value()).isEqualTo("enabled");
        assertThat(find(settings, SettingName.SERVICE_LONG_ARN_FORMAT).value()).isEqualTo("enabled");
        assertThat(find(settings, SettingName.CONTAINER_INSTANCE_LONG_ARN_FORMAT).value()).isEqualTo("enabled");
        assertThat(find(settings, SettingName.CONTAINER_INSIGHTS).value()).isEqualTo("disabled");
        assertThat(find(settings, SettingName.AWSVPC_TRUNKING).value()).isEqualTo("disabled");
        assertThat(find(settings, SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).value()).isEqualTo("7");
        assertThat(find(settings, SettingName.CONTAINER_INSIGHTS).type()).isEqualTo(SettingType.AWS_MANAGED);
        assertThat(find(settings, SettingName.CONTAINER_INSIGHTS).principalArn()).isEqualTo(ROOT);
        assertThat(api.listAccountSettings(r -> { }).settings()).isEmpty();
    }

    @Test
    void should_page_ten_settings_at_a_time() {
        ListAccountSettingsResponse first = api.listAccountSettings(r -> r.effectiveSettings(true));

        assertThat(first.settings()).hasSize(10);
        assertThat(first.nextToken()).isNotNull();
    }

    @Test
    void should_make_a_root_setting_the_account_default_and_let_principals_override_it() {
        Setting put = api.putAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enhanced")).setting();
        assertThat(put.principalArn()).isEqualTo(ROOT);
        assertThat(put.type()).isEqualTo(SettingType.USER);

        api.putAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("disabled").principalArn(ROLE));

        assertThat(find(effective(null), SettingName.CONTAINER_INSIGHTS).value()).isEqualTo("enhanced");
        assertThat(find(effective(ROLE), SettingName.CONTAINER_INSIGHTS).value()).isEqualTo("disabled");
        assertThat(api.listAccountSettings(r -> r.principalArn(ROLE)).settings()).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo("disabled"));
        assertThat(RegionEngine.of(ecs.defaultRegion()).accountSettings().isEnabled(SettingName.CONTAINER_INSIGHTS)).isTrue();

        api.deleteAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).principalArn(ROLE));

        assertThat(find(effective(ROLE), SettingName.CONTAINER_INSIGHTS).value()).isEqualTo("enhanced");
        assertThat(ecs.journal().ofType(JournalEventType.ACCOUNT_SETTING)).hasSize(3);
    }

    @Test
    void should_set_the_account_default() {
        Setting set = api.putAccountSettingDefault(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled"))
                .setting();

        assertThat(set.principalArn()).isEqualTo(ROOT);
        assertThat(find(effective(ROLE), SettingName.AWSVPC_TRUNKING).value()).isEqualTo("enabled");
        assertThat(api.listAccountSettings(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled")).settings())
                .hasSize(1);
    }

    @Test
    void should_validate_names_values_and_principals() {
        assertThatThrownBy(() -> api.putAccountSetting(r -> r.name(SettingName.TASK_LONG_ARN_FORMAT).value("maybe")))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).isEqualTo("value for taskLongArnFormat should be one of [enabled, disabled]: maybe");
        assertThatThrownBy(() -> api.putAccountSetting(r -> r.name("nonsense").value("enabled")))
                .isInstanceOf(InvalidParameterException.class).extracting(ErrorText::of).asString().startsWith("name should be one of [");
        assertThatThrownBy(() -> api.putAccountSetting(r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD)
                .value("14").principalArn(ROLE))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> api.putAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enabled")
                .principalArn("bob"))).isInstanceOf(InvalidParameterException.class);
        api.putAccountSetting(r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).value("14"));
        assertThat(find(effective(null), SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).value()).isEqualTo("14");
    }

    @Test
    void should_accept_dual_stack_ipv6_and_every_setting_name_the_sdk_knows() {
        Setting put = api.putAccountSetting(r -> r.name("dualStackIPv6").value("enabled")).setting();
        api.putAccountSettingDefault(r -> r.name("dualStackIPv6").value("enabled"));

        assertThat(put.nameAsString()).isEqualTo("dualStackIPv6");
        assertThat(put.value()).isEqualTo("enabled");
        assertThat(api.listAccountSettings(r -> r.name("dualStackIPv6")).settings())
                .singleElement().satisfies(s -> assertThat(s.value()).isEqualTo("enabled"));
        assertThat(effective(ROLE)).anySatisfy(s -> {
            assertThat(s.nameAsString()).isEqualTo("dualStackIPv6");
            assertThat(s.value()).isEqualTo("enabled");
        });
        assertThat(api.deleteAccountSetting(r -> r.name("dualStackIPv6")).setting().value()).isEqualTo("enabled");
        for (SettingName name : SettingName.knownValues()) {
            if (name != SettingName.GUARD_DUTY_ACTIVATE) {
                String value = SettingRules.defaultValue(name);
                assertThat(api.putAccountSetting(r -> r.name(name).value(value)).setting().name()).isEqualTo(name);
            }
        }
    }
}
