package dev.fakeecs.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One virtual minute of an Elastic Load Balancing load balancer's traffic, or of one of its target groups: the
 * figures CloudWatch publishes in {@code AWS/ApplicationELB} (RequestCount, HTTPCode_Target_5XX_Count,
 * HTTPCode_ELB_5XX_Count, HealthyHostCount, UnHealthyHostCount, TargetResponseTime). Host counts are those of the
 * target group (0 on a load balancer's own minutes).
 *
 * <pre>{@code
 * List<LoadBalancerMinute> m = EngineInspector.of(ecs).targetGroupTraffic("us-east-1", "web-tg");
 * m.get(0).requestCount();      // 3600 at 60 requests per second
 * m.get(0).target5xxCount();    // requests the targets answered with a 5XX
 * }</pre>
 *
 * @param minute             the start of the minute
 * @param requestCount       requests a target received (RequestCount)
 * @param target5xxCount     requests a target answered with a 5XX status (HTTPCode_Target_5XX_Count)
 * @param elb5xxCount        requests the load balancer answered with 502 or 503 (HTTPCode_ELB_5XX_Count)
 * @param healthyHostCount   healthy targets when the minute was sampled (HealthyHostCount)
 * @param unHealthyHostCount unhealthy targets when the minute was sampled (UnHealthyHostCount)
 * @param targetResponseTime average seconds a target took to answer, or null when no request was answered
 */
public record LoadBalancerMinute(Instant minute, long requestCount, long target5xxCount, long elb5xxCount,
                                 int healthyHostCount, int unHealthyHostCount, Double targetResponseTime) {

    public LoadBalancerMinute {
        Objects.requireNonNull(minute, "minute");
    }

    /**
     * The minute's figures on one line, as failure messages list them:
     * {@code 2026-01-01T12:05:00Z requests=3600 target5xx=0 elb5xx=0 healthy=2 unhealthy=0}.
     */
    public String line() {
        return minute + " requests=" + requestCount + " target5xx=" + target5xxCount + " elb5xx=" + elb5xxCount
                + " healthy=" + healthyHostCount + " unhealthy=" + unHealthyHostCount;
    }
}
