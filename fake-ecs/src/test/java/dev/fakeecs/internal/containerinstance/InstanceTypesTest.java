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

    @Test
    void should_know_current_and_previous_generation_types_of_every_family() {
        for (String name : new String[] {"t2.micro", "t3a.large", "t4g.nano", "m1.small", "m4.10xlarge", "m5.24xlarge",
                "m5a.large", "m5n.metal", "m6i.32xlarge", "m6a.48xlarge", "m6g.metal", "m7i.metal-48xl", "m7g.16xlarge",
                "c4.8xlarge", "c5.9xlarge", "c5a.24xlarge", "c5n.18xlarge", "c6i.large", "c6a.metal", "c6g.medium",
                "c7i.48xlarge", "c7g.metal", "r4.16xlarge", "r5.metal", "r5a.24xlarge", "r6i.xlarge", "r6a.48xlarge",
                "r6g.16xlarge", "r7i.large", "r7g.medium", "g4dn.metal", "g5.48xlarge", "p3.16xlarge", "i3.metal",
                "i4i.32xlarge", "x2idn.16xlarge", "x2gd.medium", "z1d.3xlarge"}) {
            assertThat(InstanceTypes.exists(name)).as(name).isTrue();
        }
        assertThat(InstanceTypes.all()).hasSizeGreaterThan(500);
        InstanceType p3 = InstanceTypes.get("p3.8xlarge");
        assertThat(p3.vcpus()).isEqualTo(32);
        assertThat(p3.gpus()).isEqualTo(4);
        assertThat(p3.memoryMiB()).isEqualTo(244 * 1024 - 2048);
        assertThat(InstanceTypes.get("c5n.large").memoryMiB()).isEqualTo(5376 - 336);
        assertThat(InstanceTypes.get("t4g.micro").architecture()).isEqualTo("arm64");
        assertThat(InstanceTypes.get("m7i.large").architecture()).isEqualTo("x86_64");
        assertThat(InstanceTypes.get("m5.24xlarge").maxEnis()).isEqualTo(15);
    }

    @Test
    void should_keep_the_figures_of_the_types_it_knew_before() {
        // name, vCPUs, registered MiB, architecture, GPUs, ENIs (golden journals depend on these)
        assertThat(InstanceTypes.get("t3.nano")).isEqualTo(new InstanceType("t3.nano", 2, 448, "x86_64", 0, 2));
        assertThat(InstanceTypes.get("m5.large")).isEqualTo(new InstanceType("m5.large", 2, 7680, "x86_64", 0, 3));
        assertThat(InstanceTypes.get("c7g.medium")).isEqualTo(new InstanceType("c7g.medium", 1, 1920, "arm64", 0, 2));
        assertThat(InstanceTypes.get("g4dn.16xlarge"))
                .isEqualTo(new InstanceType("g4dn.16xlarge", 64, 262144 - 2048, "x86_64", 1, 4));
        assertThat(InstanceTypes.get("g4dn.12xlarge"))
                .isEqualTo(new InstanceType("g4dn.12xlarge", 48, 196608 - 2048, "x86_64", 4, 8));
    }

    @Test
    void should_describe_an_unknown_type_from_what_the_agent_registered() {
        assertThat(InstanceTypes.described("m8g.large", 2048, 7680))
                .isEqualTo(new InstanceType("m8g.large", 2, 7680, "arm64", 0, 2));
        assertThat(InstanceTypes.described("g6e.xlarge", 4096, 30000).architecture()).isEqualTo("x86_64");
    }
}
