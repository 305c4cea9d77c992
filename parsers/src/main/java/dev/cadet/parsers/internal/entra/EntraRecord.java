package dev.cadet.parsers.internal.entra;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one Entra ID sign-in or directory audit record that the mapping needs, in any of the shapes
 * they come in (Microsoft Graph objects, the {@code properties} of an Azure Monitor diagnostic record, Log
 * Analytics rows). Mutable scratch reused record after record by one reader; empty strings are {@code null}.
 */
public final class EntraRecord {

    // The Azure Monitor envelope around a diagnostic record, or the Log Analytics row's own columns.
    String envTime;
    String envCategory;
    String envTenantId;
    String envCallerIp;
    String envLocation;
    String envResultType;
    String envResultDescription;
    String envCorrelationId;
    String timeGenerated;
    /** The Log Analytics table of a row ({@code SigninLogs}, {@code AuditLogs}); its {@code TenantId} is the workspace. */
    String tableType;
    String operationName;

    // Sign-ins.
    String id;
    String createdDateTime;
    String userPrincipalName;
    String userId;
    String userDisplayName;
    String appDisplayName;
    String appId;
    String ipAddress;
    String userAgent;
    String isInteractive;
    final List<String> signInEventTypes = new ArrayList<>();
    String servicePrincipalId;
    String servicePrincipalName;
    String tenantId;
    String aadTenantId;
    String homeTenantId;
    String resultType;
    String resultDescription;
    String errorCode;
    String failureReason;
    String city;
    String country;
    String locationText;
    String authenticationRequirement;
    boolean mfaStepSucceeded;
    String mfaMethod;

    // Directory audits.
    String activityDisplayName;
    String activityDateTime;
    String result;
    String resultReason;
    String initiatorUserId;
    String initiatorUpn;
    String initiatorUserName;
    String initiatorIp;
    String initiatorAppId;
    String initiatorAppName;
    String initiatorSpId;
    final List<String> targetTypes = new ArrayList<>();
    final List<String> targetIds = new ArrayList<>();
    final List<String> targetNames = new ArrayList<>();
    final List<String> targetUpns = new ArrayList<>();
    final List<String> modifiedProperties = new ArrayList<>();

    public void reset() {
        envTime = null;
        envCategory = null;
        envTenantId = null;
        envCallerIp = null;
        envLocation = null;
        envResultType = null;
        envResultDescription = null;
        envCorrelationId = null;
        timeGenerated = null;
        tableType = null;
        operationName = null;
        id = null;
        createdDateTime = null;
        userPrincipalName = null;
        userId = null;
        userDisplayName = null;
        appDisplayName = null;
        appId = null;
        ipAddress = null;
        userAgent = null;
        isInteractive = null;
        signInEventTypes.clear();
        servicePrincipalId = null;
        servicePrincipalName = null;
        tenantId = null;
        aadTenantId = null;
        homeTenantId = null;
        resultType = null;
        resultDescription = null;
        errorCode = null;
        failureReason = null;
        city = null;
        country = null;
        locationText = null;
        authenticationRequirement = null;
        mfaStepSucceeded = false;
        mfaMethod = null;
        activityDisplayName = null;
        activityDateTime = null;
        result = null;
        resultReason = null;
        initiatorUserId = null;
        initiatorUpn = null;
        initiatorUserName = null;
        initiatorIp = null;
        initiatorAppId = null;
        initiatorAppName = null;
        initiatorSpId = null;
        targetTypes.clear();
        targetIds.clear();
        targetNames.clear();
        targetUpns.clear();
        modifiedProperties.clear();
    }

    /** The Entra tenant: a Log Analytics row's {@code TenantId} is its workspace, so there it is {@code AADTenantId}. */
    String tenant() {
        if (envTenantId != null) {
            return envTenantId;
        }
        return tableType != null ? (aadTenantId != null ? aadTenantId : homeTenantId) : (tenantId != null ? tenantId
                : homeTenantId);
    }

    /** Fills the Azure Monitor envelope of a diagnostic record, read by the Azure reader. */
    public void envelope(String time, String category, String tenant, String callerIp, String location,
                         String resultType, String resultDescription, String correlationId) {
        this.envTime = time;
        this.envCategory = category;
        this.envTenantId = tenant;
        this.envCallerIp = callerIp;
        this.envLocation = location;
        this.envResultType = resultType;
        this.envResultDescription = resultDescription;
        this.envCorrelationId = correlationId;
    }
}
