package dev.fakeecs.internal.account;

import dev.fakeecs.internal.error.EcsErrors;
import dev.fakeecs.journal.JournalEventType;
import dev.fakeecs.internal.paging.Page;
import dev.fakeecs.internal.engine.RegionContext;
import software.amazon.awssdk.services.ecs.model.DeleteAccountSettingRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAccountSettingResponse;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsRequest;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsResponse;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingDefaultRequest;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingDefaultResponse;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingRequest;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingResponse;
import software.amazon.awssdk.services.ecs.model.Setting;
import software.amazon.awssdk.services.ecs.model.SettingName;
import software.amazon.awssdk.services.ecs.model.SettingType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECS account settings of one region: per-principal settings, account defaults and what AWS uses
 * when nobody set anything ({@link SettingRules}).
 *
 * <p>The fake has no IAM identity, so the caller is always the account's root user
 * ({@code arn:aws:iam::<account>:root}); as in ECS, a setting put for the root user is the account
 * default. Listing without {@code effectiveSettings} shows what was set explicitly; with it, every
 * setting with the value that applies, AWS's own defaults typed {@code AWS_MANAGED}.
 *
 * <pre>{@code
 * api.putAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enabled"));
 * accountSettings.effective(SettingName.CONTAINER_INSIGHTS, null);   // "enabled"
 * api.listAccountSettings(r -> r.effectiveSettings(true)).settings();
 * }</pre>
 */
public final class AccountSettings {

    private static final int PAGE_LIMIT = 10;

    private final RegionContext region;
    private final String rootArn;
    private final Map<String, String> accountDefaults = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> byPrincipal = new LinkedHashMap<>();

    public AccountSettings(RegionContext region) {
        this.region = region;
        this.rootArn = "arn:aws:iam::" + region.engine().accountId() + ":root";
    }

    /** The root user's ARN: the principal of the fake's callers. */
    public String rootArn() {
        return rootArn;
    }

    /** The value that applies to {@code principalArn} (null = the caller, the root user). */
    public String effective(SettingName name, String principalArn) {
        return effective(name.toString(), principalArn);
    }

    /** The value of the setting of that wire name that applies to {@code principalArn} (null = the caller). */
    public String effective(String name, String principalArn) {
        String principal = principal(principalArn);
        Map<String, String> own = byPrincipal.get(principal);
        if (own != null && own.containsKey(name)) {
            return own.get(name);
        }
        return accountDefaults.getOrDefault(name, SettingRules.defaultValue(name));
    }

    /** True when {@code name}'s effective value for the caller is {@code enabled} (or {@code enhanced}). */
    public boolean isEnabled(SettingName name) {
        String value = effective(name, null);
        return "enabled".equals(value) || "enhanced".equals(value) || "on".equals(value);
    }

    /** PutAccountSetting. */
    public PutAccountSettingResponse putAccountSetting(PutAccountSettingRequest request) {
        String name = SettingRules.name(request.name(), request.nameAsString());
        SettingRules.validate(name, request.value());
        String principal = principal(request.principalArn());
        if (SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD.toString().equals(name) && !principal.equals(rootArn)) {
            throw EcsErrors.invalidParameter("fargateTaskRetirementWaitPeriod can only be set for the root user "
                    + "or as the account default: principalArn " + principal);
        }
        if (principal.equals(rootArn)) {
            accountDefaults.put(name, request.value());
        } else {
            byPrincipal.computeIfAbsent(principal, p -> new LinkedHashMap<>()).put(name, request.value());
        }
        region.record(JournalEventType.ACCOUNT_SETTING, principal, "name", name, "value", request.value());
        return PutAccountSettingResponse.builder().setting(setting(name, request.value(), principal, SettingType.USER))
                .build();
    }

    /** PutAccountSettingDefault. */
    public PutAccountSettingDefaultResponse putAccountSettingDefault(PutAccountSettingDefaultRequest request) {
        String name = SettingRules.name(request.name(), request.nameAsString());
        SettingRules.validate(name, request.value());
        accountDefaults.put(name, request.value());
        region.record(JournalEventType.ACCOUNT_SETTING, rootArn, "name", name, "value", request.value(),
                "scope", "default");
        return PutAccountSettingDefaultResponse.builder()
                .setting(setting(name, request.value(), rootArn, SettingType.USER)).build();
    }

    /** DeleteAccountSetting: forgets the principal's own value (for the root user: the account default). */
    public DeleteAccountSettingResponse deleteAccountSetting(DeleteAccountSettingRequest request) {
        String name = SettingRules.name(request.name(), request.nameAsString());
        String principal = principal(request.principalArn());
        String removed;
        if (principal.equals(rootArn)) {
            removed = accountDefaults.remove(name);
        } else {
            Map<String, String> own = byPrincipal.get(principal);
            removed = own == null ? null : own.remove(name);
        }
        if (removed != null) {
            region.record(JournalEventType.ACCOUNT_SETTING, principal, "name", name, "deleted", removed);
        }
        String value = removed != null ? removed : effective(name, principal);
        return DeleteAccountSettingResponse.builder().setting(setting(name, value, principal, SettingType.USER))
                .build();
    }

    /** ListAccountSettings (pages of at most 10). */
    public ListAccountSettingsResponse listAccountSettings(ListAccountSettingsRequest request) {
        String principal = principal(request.principalArn());
        String only = request.nameAsString() == null ? null
                : SettingRules.name(request.name(), request.nameAsString());
        if (request.value() != null && only == null) {
            throw EcsErrors.invalidParameter("value can only be given together with name.");
        }
        boolean effective = Boolean.TRUE.equals(request.effectiveSettings());
        List<Setting> all = new ArrayList<>();
        for (String name : SettingRules.names()) {
            if (only != null && !only.equals(name)) {
                continue;
            }
            Setting setting = listed(name, principal, effective);
            if (setting != null && (request.value() == null || request.value().equals(setting.value()))) {
                all.add(setting);
            }
        }
        Page<Setting> page = Page.of(all, request.nextToken(), request.maxResults(), PAGE_LIMIT,
                "ListAccountSettings/" + principal + "/" + effective + "/" + only);
        return ListAccountSettingsResponse.builder().settings(page.items()).nextToken(page.nextToken()).build();
    }

    private Setting listed(String name, String principal, boolean effective) {
        Map<String, String> own = principal.equals(rootArn) ? accountDefaults
                : byPrincipal.getOrDefault(principal, Map.of());
        if (own.containsKey(name)) {
            return setting(name, own.get(name), principal, SettingType.USER);
        }
        if (!effective) {
            return null;
        }
        if (accountDefaults.containsKey(name)) {
            return setting(name, accountDefaults.get(name), principal, SettingType.USER);
        }
        return setting(name, SettingRules.defaultValue(name), principal, SettingType.AWS_MANAGED);
    }

    private String principal(String principalArn) {
        if (principalArn == null || principalArn.isEmpty()) {
            return rootArn;
        }
        if (!principalArn.matches("arn:aws[a-z-]*:iam::\\d{12}:(root|user/.+|role/.+)")) {
            throw EcsErrors.invalidParameter("principalArn must be the ARN of an IAM user, IAM role or the root "
                    + "user: " + principalArn);
        }
        return principalArn;
    }

    private static Setting setting(String name, String value, String principal, SettingType type) {
        return Setting.builder().name(name).value(value).principalArn(principal).type(type).build();
    }
}
