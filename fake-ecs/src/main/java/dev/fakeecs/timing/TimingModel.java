package dev.fakeecs.timing;

import java.time.Duration;

/**
 * How long the steps of a task's life take in virtual time. Defaults come from the seed
 * document: a Fargate task reaches RUNNING about 90 s after launch; an EC2 task whose image is
 * already cached on the host about 20 s after launch; the first pull of an image on a host
 * takes longer. Every step can be changed; {@code jitter} (a fraction, 0 = none) spreads each
 * duration using the world's seeded random source.
 *
 * <pre>{@code
 * TimingModel fast = TimingModel.defaults().withFargateStart(Duration.ofSeconds(30)).withJitter(0.1);
 * }</pre>
 *
 * @param fargateProvisioning PROVISIONING -> PENDING for Fargate (ENI attach)
 * @param fargatePull         PENDING -> ACTIVATING for Fargate (image pull; Fargate caches nothing)
 * @param fargateActivation   ACTIVATING -> RUNNING for Fargate
 * @param ec2Provisioning     PROVISIONING -> PENDING on EC2
 * @param ec2CachedPull       pull time on EC2 when the image is cached on the host
 * @param ec2FirstPull        pull time on EC2 the first time a host pulls the image
 * @param ec2Activation       ACTIVATING -> RUNNING on EC2
 * @param deactivation        DEACTIVATING -> STOPPING
 * @param deprovisioning      DEPROVISIONING -> STOPPED
 * @param stoppedRetention    how long a STOPPED task stays describable
 * @param jitter              fraction of each duration drawn at random (0..1)
 */
public record TimingModel(Duration fargateProvisioning, Duration fargatePull, Duration fargateActivation,
                          Duration ec2Provisioning, Duration ec2CachedPull, Duration ec2FirstPull,
                          Duration ec2Activation, Duration deactivation, Duration deprovisioning,
                          Duration stoppedRetention, double jitter) {

    /** Fargate 90 s in all (10 + 70 + 10); EC2 cached 20 s (2 + 8 + 10); EC2 first pull 60 s (2 + 48 + 10). */
    public static TimingModel defaults() {
        return new TimingModel(Duration.ofSeconds(10), Duration.ofSeconds(70), Duration.ofSeconds(10),
                Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(48), Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofHours(1), 0.0);
    }

    /** Total time from launch to RUNNING on Fargate. */
    public Duration fargateStart() {
        return fargateProvisioning.plus(fargatePull).plus(fargateActivation);
    }

    /** Total time from launch to RUNNING on EC2 with the image cached. */
    public Duration ec2CachedStart() {
        return ec2Provisioning.plus(ec2CachedPull).plus(ec2Activation);
    }

    /** Sets the Fargate pull step so that the Fargate total is {@code total}. */
    public TimingModel withFargateStart(Duration total) {
        Duration pull = total.minus(fargateProvisioning).minus(fargateActivation);
        return new TimingModel(fargateProvisioning, pull.isNegative() ? Duration.ZERO : pull, fargateActivation,
                ec2Provisioning, ec2CachedPull, ec2FirstPull, ec2Activation, deactivation, deprovisioning,
                stoppedRetention, jitter);
    }

    /** Sets the EC2 cached pull step so that the cached EC2 total is {@code total}. */
    public TimingModel withEc2CachedStart(Duration total) {
        Duration pull = total.minus(ec2Provisioning).minus(ec2Activation);
        return new TimingModel(fargateProvisioning, fargatePull, fargateActivation, ec2Provisioning,
                pull.isNegative() ? Duration.ZERO : pull, ec2FirstPull, ec2Activation, deactivation, deprovisioning,
                stoppedRetention, jitter);
    }

    public TimingModel withEc2FirstPull(Duration pull) {
        return new TimingModel(fargateProvisioning, fargatePull, fargateActivation, ec2Provisioning, ec2CachedPull,
                pull, ec2Activation, deactivation, deprovisioning, stoppedRetention, jitter);
    }

    public TimingModel withJitter(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1: " + fraction);
        }
        return new TimingModel(fargateProvisioning, fargatePull, fargateActivation, ec2Provisioning, ec2CachedPull,
                ec2FirstPull, ec2Activation, deactivation, deprovisioning, stoppedRetention, fraction);
    }
}
