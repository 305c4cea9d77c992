package dev.cadet.model;

import java.io.Serializable;

/**
 * Where in the cloud the event happened.
 *
 * @param account AWS account, Azure subscription or tenant, GCP project; or {@code null}
 * @param region  region or location, or {@code null}
 */
public record CloudScope(String account, String region) implements Serializable {

    public static final CloudScope UNKNOWN = new CloudScope(null, null);
}
