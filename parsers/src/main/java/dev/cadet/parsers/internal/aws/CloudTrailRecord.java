package dev.cadet.parsers.internal.aws;

import dev.cadet.parsers.internal.EventTimes;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one CloudTrail record that the mapping needs, filled by one pass over its tokens.
 * Mutable scratch, reused record after record by one reader (one input, one thread), so that reading
 * a record allocates only the strings it keeps. Empty strings are stored as {@code null}: CloudTrail
 * writes {@code ""} for "none" (an empty access key id, an empty output bucket).
 */
final class CloudTrailRecord {

    // Top level. The token of each required field is kept to tell "missing" from "wrong type".
    JsonToken eventTimeToken;
    /** The event time as parsed from its characters, {@link EventTimes#INVALID} when absent or not a timestamp. */
    long eventTimeMillis;
    private final Chars eventTime = new Chars();
    String logstashTimestamp;
    JsonToken eventSourceToken;
    String eventSource;
    JsonToken eventNameToken;
    String eventName;
    String eventId;
    private final Chars requestId = new Chars();
    String awsRegion;
    String recipientAccountId;
    String sourceIp;
    String userAgent;
    String errorCode;
    String errorMessage;

    // userIdentity
    String idType;
    String idPrincipalId;
    String idArn;
    String idAccountId;
    String idAccessKeyId;
    String idUserName;
    String idInvokedBy;
    String issuerArn;
    String issuerUserName;
    String mfaAuthenticated;
    String onBehalfOfUserId;
    String identityStoreArn;

    // requestParameters
    final List<String> instanceIds = new ArrayList<>();
    final List<String> targetSelectors = new ArrayList<>();
    final List<String> setInstanceIds = new ArrayList<>();
    String target;
    String instanceId;
    boolean userDataGiven;
    String userData;
    String attribute;
    String attributeValue;
    boolean launchTemplateUserDataGiven;
    String launchTemplateUserData;
    String documentName;
    String name;
    String outputBucket;
    String outputPrefix;
    final List<String> commands = new ArrayList<>();
    String userName;
    String roleName;
    String groupName;
    String policyArn;
    String policyName;
    String requestAccessKeyId;

    // responseElements
    String consoleLogin;
    String commandId;
    String responseOutputBucket;
    String responseOutputPrefix;
    String newAccessKeyId;
    final List<String> responseInstanceIds = new ArrayList<>();

    // additionalEventData, serviceEventDetails
    String mfaUsed;
    String additionalUserName;
    String userAuthentication;

    /** A string field's characters, copied from the parser's buffer; a string is made only when needed. */
    private static final class Chars {
        char[] text = new char[40];
        int length = -1;

        void set(char[] chars, int offset, int count) {
            if (count > text.length) {
                text = new char[count];
            }
            System.arraycopy(chars, offset, text, 0, count);
            length = count;
        }

        /** The text, or {@code null} when absent or empty (CloudTrail's "none"). */
        String string() {
            return length <= 0 ? null : new String(text, 0, length);
        }
    }

    void eventTime(char[] chars, int offset, int length) {
        eventTime.set(chars, offset, length);
        eventTimeMillis = length == 0 ? EventTimes.INVALID : EventTimes.parse(chars, offset, length);
    }

    /** The eventTime text, {@code null} when absent, empty or not a string. */
    String eventTime() {
        return eventTime.string();
    }

    void requestId(char[] chars, int offset, int length) {
        requestId.set(chars, offset, length);
    }

    String requestId() {
        return requestId.string();
    }

    /**
     * The identity fields an actor is built from (the region matters only without an ARN, and then nothing
     * is remembered), to tell whether a record has the same ones, by reference.
     */
    record IdentityFields(String type, String principalId, String arn, String accountId, String accessKeyId,
                          String userName, String invokedBy, String issuerArn, String issuerUserName,
                          String onBehalfOfUserId, String identityStoreArn, String additionalUserName) {

        static IdentityFields of(CloudTrailRecord r) {
            return new IdentityFields(r.idType, r.idPrincipalId, r.idArn, r.idAccountId, r.idAccessKeyId,
                    r.idUserName, r.idInvokedBy, r.issuerArn, r.issuerUserName, r.onBehalfOfUserId,
                    r.identityStoreArn, r.additionalUserName);
        }

        boolean sameAs(CloudTrailRecord r) {
            return type == r.idType && principalId == r.idPrincipalId && arn == r.idArn
                    && accountId == r.idAccountId && accessKeyId == r.idAccessKeyId && userName == r.idUserName
                    && invokedBy == r.idInvokedBy && issuerArn == r.issuerArn && issuerUserName == r.issuerUserName
                    && onBehalfOfUserId == r.onBehalfOfUserId && identityStoreArn == r.identityStoreArn
                    && additionalUserName == r.additionalUserName;
        }
    }

    void reset() {
        eventTimeToken = null;
        eventTimeMillis = EventTimes.INVALID;
        eventTime.length = -1;
        logstashTimestamp = null;
        eventSourceToken = null;
        eventSource = null;
        eventNameToken = null;
        eventName = null;
        eventId = null;
        requestId.length = -1;
        awsRegion = null;
        recipientAccountId = null;
        sourceIp = null;
        userAgent = null;
        errorCode = null;
        errorMessage = null;
        idType = null;
        idPrincipalId = null;
        idArn = null;
        idAccountId = null;
        idAccessKeyId = null;
        idUserName = null;
        idInvokedBy = null;
        issuerArn = null;
        issuerUserName = null;
        mfaAuthenticated = null;
        onBehalfOfUserId = null;
        identityStoreArn = null;
        instanceIds.clear();
        targetSelectors.clear();
        setInstanceIds.clear();
        target = null;
        instanceId = null;
        userDataGiven = false;
        userData = null;
        attribute = null;
        attributeValue = null;
        launchTemplateUserDataGiven = false;
        launchTemplateUserData = null;
        documentName = null;
        name = null;
        outputBucket = null;
        outputPrefix = null;
        commands.clear();
        userName = null;
        roleName = null;
        groupName = null;
        policyArn = null;
        policyName = null;
        requestAccessKeyId = null;
        consoleLogin = null;
        commandId = null;
        responseOutputBucket = null;
        responseOutputPrefix = null;
        newAccessKeyId = null;
        responseInstanceIds.clear();
        mfaUsed = null;
        additionalUserName = null;
        userAuthentication = null;
    }
}
