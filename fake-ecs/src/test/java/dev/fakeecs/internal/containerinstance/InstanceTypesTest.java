package dev.fakeecs.internal.containerinstance;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceTypesTest {

    @Test
    void should_register_instance_memory_less_one_sixteenth_within_64_and_2048_mib() {
        assertThat(InstanceTypes.get("m5.large").memoryMiB()).isEqualTo(7680);
        assertThat(InstanceTypes.get("t3.micro").memoryMiB()).isEqualTo(960);
        assertThat(InstanceTypes.get("t3.nano").memoryMiB()).isEqualTo(448);
        assertThat(InstanceTypes.get("m5.4xlarge").memoryMiB()).isEqualTo(65536 - 2048);
        assertThat(InstanceTypes.get("g4dn.12xlarge").memoryMiB()).isEqualTo(196608 - 2048);
    }

    @Test
    void should_give_1024_cpu_units_per_vcpu() {
        assertThat(InstanceTypes.get("c5.4xlarge").cpuUnits()).isEqualTo(16 * 1024);
        assertThat(InstanceTypes.get("m6g.medium").cpuUnits()).isEqualTo(1024);
    }

    @Test
    void should_know_every_required_family_with_architecture_gpus_and_enis() {
        for (String name : new String[] {"t3.micro", "t3.small", "t3.medium", "t3.large", "t3.xlarge", "t3.2xlarge",
                "m5.large", "m5.xlarge", "m5.2xlarge", "m5.4xlarge", "c5.large", "c5.xlarge", "c5.2xlarge",
                "c5.4xlarge", "r5.large", "r5.xlarge", "r5.2xlarge", "m6g.medium", "m6g.large", "m6g.xlarge",
                "m6g.2xlarge", "c7g.medium", "c7g.large", "c7g.xlarge", "c7g.2xlarge", "g4dn.xlarge", "g4dn.2xlarge",
                "g4dn.4xlarge", "g4dn.8xlarge", "g4dn.12xlarge"}) {
            assertThat(InstanceTypes.exists(name)).as(name).isTrue();
        }
        assertThat(InstanceTypes.get("c7g.large").architecture()).isEqualTo("arm64");
        assertThat(InstanceTypes.get("m6g.xlarge").architecture()).isEqualTo("arm64");
        assertThat(InstanceTypes.get("c5.large").architecture()).isEqualTo("x86_64");
        assertThat(InstanceTypes.get("g4dn.12xlarge").gpus()).isEqualTo(4);
        assertThat(InstanceTypes.get("g4dn.xlarge").gpus()).isEqualTo(1);
        assertThat(InstanceTypes.get("m5.large").gpus()).isZero();
        assertThat(InstanceTypes.get("c5.large").maxEnis()).isEqualTo(3);
        assertThat(InstanceTypes.get("r5.large").memoryMiB()).isEqualTo(16384 - 1024);
    }

    @Test
    void should_name_an_unknown_type() {
        assertThatThrownBy(() -> InstanceTypes.get("m5.huge"))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(ErrorText::of).asString().startsWith("The instance type m5.huge is not supported.");
    }
}
