package dev.cadet.parsers.internal.azure;

import dev.cadet.parsers.internal.entra.EntraRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of one Azure Monitor record that the mapping needs, in any of the shapes Azure exports it in:
 * diagnostic settings ({@code time}, {@code resultType}, {@code identity.claims}), the REST API and
 * {@code az monitor activity-log list} ({@code eventTimestamp}, {@code status.value}, {@code claims}) and Log
 * Analytics ({@code TimeGenerated}, {@code ActivityStatusValue}, {@code Claims_d}). Mutable scratch reused
 * record after record by one reader; empty strings are {@code null}.
 */
final class AzureRecord {

    String time;
    String eventTimestamp;
    String timeGenerated;
    String operationName;
    String operationNameValue;
    String operationDisplayName;
    String category;
    String resultType;
    String resultSignature;
    String status;
    String subStatus;
    String resultDescription;
    String callerIp;
    String httpClientIp;
    String caller;
    String identityText;
    String correlationId;
    String eventDataId;
    String resourceId;
    String subscriptionId;
    String tenantId;
    String location;
    String tableType;

    /** identity.claims (or claims), by {@link Claims} index: {@code claims[Claims.UPN]}. */
    final String[] claims = new String[Claims.COUNT];

    // identity.authorization.evidence (or authorization.evidence)
    String evidencePrincipalId;
    String evidencePrincipalType;

    // properties
    String statusCode;
    String statusMessage;

    // properties.requestbody, what a command or role assignment request says
    String bodyCommandId;
    String bodyScriptUri;
    String extensionType;
    String bodyPrincipalId;
    String bodyRoleDefinitionId;
    final List<String> lines = new ArrayList<>();

    /**
     * The claims of one claims object, kept by the object's bytes: a caller's token makes call after call. Each
     * claim the object names, even as null, replaces the record's, as reading them one by one would.
     */
    static final class Claims {
        static final int UPN = 0;
        static final int EMAIL = 1;
        static final int UNIQUE_NAME = 2;
        static final int OBJECT_ID = 3;
        static final int APP_ID = 4;
        static final int TENANT_ID = 5;
        static final int NAME = 6;
        static final int IP = 7;
        static final int ID_TYPE = 8;
        static final int MANAGED_IDENTITY = 9;
        static final int AUTH_METHODS = 10;
        static final int COUNT = 11;
        static final Claims NONE = new Claims();

        private final String[] values = new String[COUNT];
        /** Bit {@code i} set: the object names claim {@code i}. */
        private int given;

        void set(int claim, String value) {
            values[claim] = value;
            given |= 1 << claim;
        }
    }

    /** Takes the claims {@code k} names. */
    void take(Claims k) {
        for (int given = k.given; given != 0; given &= given - 1) {
            int claim = Integer.numberOfTrailingZeros(given);
            claims[claim] = k.values[claim];
        }
    }

    /** Sign-in and audit fields of an Entra record carried in the same envelope. */
    final EntraRecord entra = new EntraRecord();

    void reset() {
        time = null;
        eventTimestamp = null;
        timeGenerated = null;
        operationName = null;
        operationNameValue = null;
        operationDisplayName = null;
        category = null;
        resultType = null;
        resultSignature = null;
        status = null;
        subStatus = null;
        resultDescription = null;
        callerIp = null;
        httpClientIp = null;
        caller = null;
        identityText = null;
        correlationId = null;
        eventDataId = null;
        resourceId = null;
        subscriptionId = null;
        tenantId = null;
        location = null;
        tableType = null;
        Arrays.fill(claims, null);
        evidencePrincipalId = null;
        evidencePrincipalType = null;
        statusCode = null;
        statusMessage = null;
        bodyCommandId = null;
        bodyScriptUri = null;
        extensionType = null;
        bodyPrincipalId = null;
        bodyRoleDefinitionId = null;
        lines.clear();
        entra.reset();
    }
}
