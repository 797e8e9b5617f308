package dev.fakeecs.account;

import dev.fakeecs.region.RegionState;
import software.amazon.awssdk.services.ecs.model.DeleteAccountSettingRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAccountSettingResponse;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsRequest;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsResponse;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingDefaultRequest;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingDefaultResponse;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingRequest;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingResponse;

/**
 * The AccountSettings part of one region's ECS control plane.
 */
public final class AccountSettings {

    private final RegionState state;

    public AccountSettings(RegionState state) {
        this.state = state;
    }

    /** PutAccountSetting. */
    public PutAccountSettingResponse putAccountSetting(PutAccountSettingRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support PutAccountSetting yet");
    }

    /** PutAccountSettingDefault. */
    public PutAccountSettingDefaultResponse putAccountSettingDefault(PutAccountSettingDefaultRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support PutAccountSettingDefault yet");
    }

    /** DeleteAccountSetting. */
    public DeleteAccountSettingResponse deleteAccountSetting(DeleteAccountSettingRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support DeleteAccountSetting yet");
    }

    /** ListAccountSettings. */
    public ListAccountSettingsResponse listAccountSettings(ListAccountSettingsRequest request) {
        throw new UnsupportedOperationException("fake-ecs does not support ListAccountSettings yet");
    }
}
