package dev.cadet.parsers.internal.aws;

import dev.cadet.model.Actor;
import dev.cadet.model.Mfa;
import dev.cadet.parsers.internal.CharSlice;
import dev.cadet.parsers.internal.TextLater;
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
    /** The characters of a string {@code eventTime}; see {@link #eventTime()}. */
    final CharSlice eventTime = new CharSlice();
    String logstashTimestamp;
    JsonToken eventSourceToken;
    String eventSource;
    JsonToken eventNameToken;
    String eventName;
    /** Made at the end of the record, next to the event, which is where the duplicate check reads it. */
    final TextLater eventId = new TextLater();
    /** Only needed for a record without an eventID. */
    final TextLater requestId = new TextLater();
    String awsRegion;
    String recipientAccountId;
    String sourceIp;
    String userAgent;
    String errorCode;
    String errorMessage;

    /**
     * The fields read from {@code userIdentity}. Filled once by the reader, then only read, except for the actor
     * remembered for it: a reader keeps one per distinct {@code userIdentity}, and sessions make call after call.
     */
    static final class Identity {
        /** No {@code userIdentity}; shared, so never filled nor remembering. */
        static final Identity NONE = new Identity();

        String type;
        String principalId;
        String arn;
        String accountId;
        String accessKeyId;
        String userName;
        String invokedBy;
        String issuerArn;
        String issuerUserName;
        String mfaAuthenticated;
        String onBehalfOfUserId;
        String identityStoreArn;

        /** The last actor made from this identity, and what else it was made from. */
        Actor actor;
        Mfa actorMfa;
        String actorAdditionalUserName;
        String actorRegion;
    }

    /** Never {@code null}: {@link Identity#NONE} for a record without one. */
    Identity id = Identity.NONE;

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

    /** {@code eventTime} as text, {@code null} when it is missing, empty or not a string. */
    String eventTimeText() {
        return eventTimeToken == JsonToken.VALUE_STRING && eventTime.length() > 0 ? eventTime.toString() : null;
    }

    void reset() {
        eventTimeToken = null;
        logstashTimestamp = null;
        eventSourceToken = null;
        eventSource = null;
        eventNameToken = null;
        eventName = null;
        eventId.reset();
        requestId.reset();
        awsRegion = null;
        recipientAccountId = null;
        sourceIp = null;
        userAgent = null;
        errorCode = null;
        errorMessage = null;
        id = Identity.NONE;
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
