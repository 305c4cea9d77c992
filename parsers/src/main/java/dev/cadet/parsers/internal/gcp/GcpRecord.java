package dev.cadet.parsers.internal.gcp;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one Cloud Audit Logs entry that the mapping needs. Mutable scratch reused entry after entry
 * by one reader; empty strings are {@code null}.
 */
final class GcpRecord {

    String insertId;
    String logName;
    String timestamp;
    String requestTime;
    boolean protoPayload;
    String payloadType;
    String serviceName;
    String methodName;
    String resourceName;
    String principalEmail;
    String principalSubject;
    String delegatedBy;
    String callerIp;
    String userAgent;
    String statusCode;
    String statusMessage;
    String projectId;
    String instanceId;
    String zone;
    String location;
    String saEmail;
    String operationId;
    boolean operationFirst;
    boolean operationLast;
    String requestName;
    String responseName;

    /** Metadata keys added or changed, as {@code key} or {@code key value}, from the delta or the request. */
    final List<String> metadataKeys = new ArrayList<>();
    /** Metadata values given in the request, parallel to {@link #metadataItemKeys}. */
    final List<String> metadataItemKeys = new ArrayList<>();
    final List<String> metadataItemValues = new ArrayList<>();
    /** IAM bindings added ({@code policyDelta} with action ADD): roles and members, parallel. */
    final List<String> deltaRoles = new ArrayList<>();
    final List<String> deltaMembers = new ArrayList<>();
    /** The bindings of a policy set in the request, when the log has no delta: roles and members, parallel. */
    final List<String> policyRoles = new ArrayList<>();
    final List<String> policyMembers = new ArrayList<>();

    void reset() {
        insertId = null;
        logName = null;
        timestamp = null;
        requestTime = null;
        protoPayload = false;
        payloadType = null;
        serviceName = null;
        methodName = null;
        resourceName = null;
        principalEmail = null;
        principalSubject = null;
        delegatedBy = null;
        callerIp = null;
        userAgent = null;
        statusCode = null;
        statusMessage = null;
        projectId = null;
        instanceId = null;
        zone = null;
        location = null;
        saEmail = null;
        operationId = null;
        operationFirst = false;
        operationLast = false;
        requestName = null;
        responseName = null;
        metadataKeys.clear();
        metadataItemKeys.clear();
        metadataItemValues.clear();
        deltaRoles.clear();
        deltaMembers.clear();
        policyRoles.clear();
        policyMembers.clear();
    }
}
