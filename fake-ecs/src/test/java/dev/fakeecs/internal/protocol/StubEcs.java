package dev.fakeecs.internal.protocol;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterResponse;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ServerException;

/**
 * A small stand-in for the engine: one region's clusters in a list. DeleteCluster of an unknown
 * cluster throws the SDK's own ClusterNotFoundException; a cluster named "boom" makes ListClusters
 * fail with a ServerException; DescribeClusters of "npe" throws a NullPointerException.
 */
public class StubEcs implements EcsClient {

    public final String region;
    public final List<Cluster> clusters = new ArrayList<>();
    public volatile CreateClusterRequest lastCreate;

    public StubEcs(String region) {
        this.region = region;
    }

    public static String arn(String region, String name) {
        return "arn:aws:ecs:" + region + ":123456789012:cluster/" + name;
    }

    @Override
    public synchronized CreateClusterResponse createCluster(CreateClusterRequest request) {
        lastCreate = request;
        Cluster cluster = Cluster.builder().clusterName(request.clusterName())
                .clusterArn(arn(region, request.clusterName())).status("ACTIVE").tags(request.tags())
                .build();
        clusters.add(cluster);
        return CreateClusterResponse.builder().cluster(cluster).build();
    }

    @Override
    public synchronized DescribeClustersResponse describeClusters(DescribeClustersRequest request) {
        DescribeClustersResponse.Builder response = DescribeClustersResponse.builder();
        List<Cluster> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String name : request.clusters()) {
            if (name.equals("npe")) {
                throw new NullPointerException("engine bug");
            }
            clusters.stream().filter(c -> name.equals(c.clusterName())).findFirst().ifPresentOrElse(found::add,
                    () -> failures.add(Failure.builder().arn(arn(region, name)).reason("MISSING").build()));
        }
        return response.clusters(found).failures(failures).build();
    }

    @Override
    public synchronized ListClustersResponse listClusters(ListClustersRequest request) {
        if (clusters.stream().anyMatch(c -> "boom".equals(c.clusterName()))) {
            throw ServerException.builder().message("Service unavailable in region " + region).statusCode(503)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServerException")
                            .errorMessage("Service unavailable in region " + region).build())
                    .build();
        }
        return ListClustersResponse.builder().clusterArns(clusters.stream().map(Cluster::clusterArn).toList()).build();
    }

    @Override
    public synchronized DeleteClusterResponse deleteCluster(DeleteClusterRequest request) {
        Cluster cluster = clusters.stream().filter(c -> request.cluster().equals(c.clusterName())).findFirst()
                .orElseThrow(() -> ClusterNotFoundException.builder()
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ClusterNotFoundException")
                                .errorMessage("Cluster not found.").build())
                        .message("Cluster not found.").build());
        clusters.remove(cluster);
        return DeleteClusterResponse.builder().cluster(cluster.toBuilder().status("INACTIVE").build()).build();
    }

    @Override
    public String serviceName() {
        return "ecs";
    }

    @Override
    public void close() {
    }
}
