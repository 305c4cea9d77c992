package dev.cadet.detectors.internal.detect;

import dev.cadet.detectors.internal.History;
import dev.cadet.detectors.internal.SourceMatcher;

import java.time.Duration;
import java.util.List;

/**
 * What the built-in detectors of one scan are made from: their settings and the read-only objects they
 * share (the history, the pattern pack, the matchers). Built once per scan, so that a host making
 * detectors per key pays neither for compiling matchers again nor for storing them with every key.
 */
public record Parts(int fanOutThreshold, int failedThenSuccessThreshold, Duration failedThenSuccessWindow,
                    Duration iamThenCommandWindow, CommandPatterns commandPatterns, SourceMatcher iocAddresses,
                    List<String> iocDomains, History history, List<String> approvedDocuments, SourceMatcher approvedSources,
                    int travelSpeedKmh, int spikeFloor, double spikeRatio, Duration loginAnomalyWindow,
                    int deniedBurstThreshold, Duration deniedBurstWindow, Duration userDataSwapWindow) {

    /** The objects every detector made from these parts refers to, in a fixed order. */
    public List<Object> shared() {
        return List.of(commandPatterns, iocAddresses, iocDomains, history, approvedDocuments, approvedSources);
    }

    /** Every built-in detector, each over all keys: what a single-process scan runs. */
    public List<AbstractDetector> all() {
        return List.of(
                new CommandExecutionDetector(fanOutThreshold),
                new FailedThenSuccessDetector(failedThenSuccessThreshold, failedThenSuccessWindow),
                new IamThenCommandDetector(iamThenCommandWindow),
                new SuspiciousCommandDetector(commandPatterns),
                new IocMatchDetector(iocAddresses, iocDomains),
                new RareCommandDetector(history, approvedDocuments),
                new UnknownSourceDetector(history, approvedSources),
                new GeoAnomalyDetector(travelSpeedKmh),
                new CommandSpikeDetector(history, spikeFloor, spikeRatio, fanOutThreshold),
                new LoginAnomalyDetector(history, approvedSources, loginAnomalyWindow),
                new DeniedCommandBurstDetector(deniedBurstThreshold, deniedBurstWindow),
                new CommandFromInstanceDetector(),
                new UserDataSwapDetector(userDataSwapWindow));
    }
}
