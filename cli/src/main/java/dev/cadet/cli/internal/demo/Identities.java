package dev.cadet.cli.internal.demo;

import java.util.Map;

import static dev.cadet.cli.internal.demo.CloudTrailRecord.map;

/** CloudTrail {@code userIdentity} objects as AWS writes them, for the demo week and the corpus generator. */
public final class Identities {

    private Identities() {
    }

    /** An IAM user; {@code accessKey} null writes {@code ""}, {@code mfa} non-null adds a session context. */
    public static Map<String, Object> iamUser(String account, String name, String principalId, String accessKey,
                                              Boolean mfa) {
        Map<String, Object> id = map("type", "IAMUser", "principalId", principalId,
                "arn", "arn:aws:iam::" + account + ":user/" + name, "accountId", account);
        id.put("accessKeyId", accessKey == null ? "" : accessKey);
        id.put("userName", name);
        if (mfa != null) {
            id.put("sessionContext", map("attributes", map("creationDate", "2026-03-02T09:00:00Z",
                    "mfaAuthenticated", mfa.toString())));
        }
        return id;
    }

    /** A session of an assumed role; the role id and the session's key derive from the names. */
    public static Map<String, Object> assumedRole(String account, String roleArn, String roleName, String session,
                                                  boolean mfa) {
        String roleId = "AROA2DEMO" + Integer.toHexString(roleName.hashCode()).toUpperCase();
        return map("type", "AssumedRole", "principalId", roleId + ":" + session,
                "arn", "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + session,
                "accountId", account, "accessKeyId", "ASIA2DEMO" + Integer.toHexString(session.hashCode()).toUpperCase(),
                "sessionContext", map("sessionIssuer", map("type", "Role", "principalId", roleId, "arn", roleArn,
                                "accountId", account, "userName", roleName),
                        "attributes", map("creationDate", "2026-03-02T00:00:00Z", "mfaAuthenticated",
                                Boolean.toString(mfa))));
    }

    /** An AWS service calling on its own behalf. */
    public static Map<String, Object> service(String host) {
        return map("type", "AWSService", "invokedBy", host);
    }
}
